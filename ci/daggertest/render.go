package daggertest

import (
	"sort"
	"strings"
)

// NameHost makes renderings print placeholder (for example "$REPO") instead of
// the host path prefix, so golden plans do not depend on the checkout location.
func (e *Engine) NameHost(path, placeholder string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.hostName[path] = placeholder
}

// Render prints a chain as an indented tree: one step per line, object
// arguments nested below the step that takes them.
func (e *Engine) Render(n *Node) string {
	var b strings.Builder
	e.render(&b, n, "")
	return b.String()
}

func (e *Engine) render(b *strings.Builder, n *Node, indent string) {
	for _, step := range n.Chain() {
		b.WriteString(indent + step.Field)
		var nested []Arg
		for _, a := range step.Args {
			if sub, ok := a.Value.(*Node); ok && sub != nil {
				nested = append(nested, a)
				continue
			}
			b.WriteString(" " + a.Name + "=")
			writeValue(b, e.hostValue(step, a), nil)
		}
		b.WriteByte('\n')
		for _, a := range nested {
			b.WriteString(indent + "  " + a.Name + ":\n")
			e.render(b, a.Value.(*Node), indent+"    ")
		}
	}
}

// RenderInline prints a chain on one line, for error messages.
func (e *Engine) RenderInline(n *Node) string {
	parts := make([]string, 0, 8)
	for _, step := range n.Chain() {
		var b strings.Builder
		b.WriteString(step.Field)
		if len(step.Args) > 0 {
			b.WriteByte('(')
			for i, a := range step.Args {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(a.Name + ": ")
				writeValue(&b, e.hostValue(step, a), e.RenderInline)
			}
			b.WriteByte(')')
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, ".")
}

func (e *Engine) hostValue(step *Node, a Arg) any {
	if step.Field == "setSecret" && a.Name == "plaintext" {
		return Enum("<redacted>")
	}
	s, ok := a.Value.(string)
	if !ok || step.Parent == nil || step.Parent.Field != "host" {
		return a.Value
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for prefix, name := range e.hostName {
		if s == prefix || strings.HasPrefix(s, prefix+"/") {
			return name + strings.TrimPrefix(s, prefix)
		}
	}
	return s
}

// Plan renders every recorded leaf call (id lookups excluded) as one stable
// tree: the chains of all calls merged on their common prefixes, children
// sorted, each leaf call shown as "=> field". Golden files compare this.
func (e *Engine) Plan() string {
	root := &trie{}
	for _, c := range e.Calls() {
		t := root
		for _, step := range c.Target.Chain() {
			t = t.child(e.stepText(step, ""))
		}
		var b strings.Builder
		b.WriteString("=> " + c.Field)
		for _, a := range c.Args {
			b.WriteString(" " + a.Name + "=")
			writeValue(&b, a.Value, e.RenderInline)
		}
		t.child(b.String())
	}
	var b strings.Builder
	root.print(&b, "")
	return b.String()
}

// stepText is one step: its line with scalar arguments, then each object
// argument's chain nested below it.
func (e *Engine) stepText(step *Node, indent string) string {
	var b strings.Builder
	var nested []Arg
	b.WriteString(step.Field)
	for _, a := range step.Args {
		if sub, ok := a.Value.(*Node); ok && sub != nil {
			nested = append(nested, a)
			continue
		}
		b.WriteString(" " + a.Name + "=")
		writeValue(&b, e.hostValue(step, a), nil)
	}
	for _, a := range nested {
		b.WriteString("\n  " + a.Name + ":\n")
		var sub strings.Builder
		e.render(&sub, a.Value.(*Node), "    ")
		b.WriteString(strings.TrimRight(sub.String(), "\n"))
	}
	return b.String()
}

type trie struct {
	text     string
	children map[string]*trie
}

func (t *trie) child(text string) *trie {
	if t.children == nil {
		t.children = map[string]*trie{}
	}
	c, ok := t.children[text]
	if !ok {
		c = &trie{text: text}
		t.children[text] = c
	}
	return c
}

// print writes a run of single children at one indentation and indents only
// where chains branch, so long shared prefixes print once and flat.
func (t *trie) print(b *strings.Builder, indent string) {
	keys := make([]string, 0, len(t.children))
	for k := range t.children {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := t.children[k]
		prefix, inner := indent, indent
		if len(keys) > 1 {
			prefix, inner = indent+"- ", indent+"  "
		}
		writeIndented(b, c.text, prefix, inner)
		c.print(b, inner)
	}
}

func writeIndented(b *strings.Builder, text, first, rest string) {
	for i, line := range strings.Split(text, "\n") {
		if i == 0 {
			b.WriteString(first + line + "\n")
			continue
		}
		b.WriteString(rest + line + "\n")
	}
}
