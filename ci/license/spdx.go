package license

import (
	"errors"
	"fmt"
	"strings"
)

// expr is a parsed SPDX license expression.
type expr interface {
	// allowed evaluates the expression with a verdict for each license id.
	allowed(ok func(id string) bool) bool
	// ids lists the license ids it mentions.
	ids() []string
}

type leaf string

type binary struct {
	and         bool // AND needs both sides; OR needs either
	left, right expr
}

func (l leaf) allowed(ok func(string) bool) bool { return ok(string(l)) }
func (l leaf) ids() []string                     { return []string{string(l)} }

func (b binary) allowed(ok func(string) bool) bool {
	if b.and {
		return b.left.allowed(ok) && b.right.allowed(ok)
	}
	return b.left.allowed(ok) || b.right.allowed(ok)
}

func (b binary) ids() []string { return append(b.left.ids(), b.right.ids()...) }

// parseExpression reads an SPDX expression: ids joined by OR and AND (AND binds
// tighter), parentheses, and "id WITH exception" (judged by its license id).
// Operators are case-insensitive because Composer packages write "or".
func parseExpression(s string) (expr, error) {
	p := &parser{tokens: tokenize(s)}
	e, err := p.or()
	if err == nil && p.pos < len(p.tokens) {
		err = fmt.Errorf("unexpected %q", p.tokens[p.pos])
	}
	if err != nil {
		return nil, fmt.Errorf("license expression %q: %w", s, err)
	}
	return e, nil
}

func tokenize(s string) []string {
	s = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s)
	return strings.Fields(s)
}

type parser struct {
	tokens []string
	pos    int
}

func (p *parser) peek(keyword string) bool {
	return p.pos < len(p.tokens) && strings.EqualFold(p.tokens[p.pos], keyword)
}

func (p *parser) or() (expr, error) {
	return p.chain("OR", false, p.and)
}

func (p *parser) and() (expr, error) {
	return p.chain("AND", true, p.with)
}

// chain parses operand (keyword operand)*, left-associative.
func (p *parser) chain(keyword string, and bool, operand func() (expr, error)) (expr, error) {
	left, err := operand()
	for err == nil && p.peek(keyword) {
		p.pos++
		var right expr
		if right, err = operand(); err == nil {
			left = binary{and: and, left: left, right: right}
		}
	}
	return left, err
}

func (p *parser) with() (expr, error) {
	e, err := p.atom()
	if err == nil && p.peek("WITH") {
		p.pos++
		if _, err = p.id(); err != nil {
			return nil, fmt.Errorf("WITH needs an exception id: %w", err)
		}
	}
	return e, err
}

func (p *parser) atom() (expr, error) {
	if !p.peek("(") {
		id, err := p.id()
		return leaf(id), err
	}
	p.pos++
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if !p.peek(")") {
		return nil, errors.New("missing )")
	}
	p.pos++
	return e, nil
}

func (p *parser) id() (string, error) {
	if p.pos >= len(p.tokens) {
		return "", errors.New("unexpected end")
	}
	tok := p.tokens[p.pos]
	for _, reserved := range []string{"(", ")", "AND", "OR", "WITH"} {
		if strings.EqualFold(tok, reserved) {
			return "", fmt.Errorf("unexpected %q", tok)
		}
	}
	p.pos++
	return tok, nil
}

// gnuFamilies use "-only"/"-or-later" in current SPDX; Composer packages
// still write the deprecated "GPL-3.0" and "GPL-3.0+".
var gnuFamilies = []string{"GPL-", "LGPL-", "AGPL-", "GFDL-"}

// normalize maps a license id to its current SPDX spelling, lower-cased for
// comparison: "GPL-3.0" means GPL-3.0-only, "GPL-3.0+" GPL-3.0-or-later, and
// "Apache-2.0+" is judged as Apache-2.0.
func normalize(id string) string {
	plus := strings.HasSuffix(id, "+")
	id = strings.TrimSuffix(id, "+")
	gnu := false
	for _, f := range gnuFamilies {
		gnu = gnu || strings.HasPrefix(strings.ToUpper(id), f)
	}
	lower := strings.ToLower(id)
	if gnu && !strings.HasSuffix(lower, "-only") && !strings.HasSuffix(lower, "-or-later") {
		if plus {
			return lower + "-or-later"
		}
		return lower + "-only"
	}
	return lower
}
