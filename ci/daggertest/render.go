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

// Plan renders every recorded leaf call (id lookups excluded) as a stable text:
// calls sorted by their rendering, identical calls listed once. Golden files
// compare this.
func (e *Engine) Plan() string {
	seen := map[string]bool{}
	var blocks []string
	for _, c := range e.Calls() {
		var b strings.Builder
		b.WriteString("=> " + c.Field)
		for _, a := range c.Args {
			b.WriteString(" " + a.Name + "=")
			writeValue(&b, a.Value, e.RenderInline)
		}
		b.WriteByte('\n')
		e.render(&b, c.Target, "   ")
		if s := b.String(); !seen[s] {
			seen[s] = true
			blocks = append(blocks, s)
		}
	}
	sort.Strings(blocks)
	return strings.Join(blocks, "\n")
}
