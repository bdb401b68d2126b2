package daggertest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Node is one object the module asked the engine for: a field selected on a
// parent object with its arguments. A chain of Nodes is a lazy pipeline
// (container → from → withExec ...). Identical chains are the same Node, so an
// ID handed out once resolves back to exactly the chain that made it.
type Node struct {
	ID     string
	Parent *Node // nil for a field of the root Query
	Field  string
	Args   Args // sorted by name: argument order on the wire does not matter
	key    string
}

// Enum is a GraphQL enum value (for example the LOCKED cache sharing mode).
type Enum string

// Arg is one argument. Value is a string, int64, float64, bool, nil, Enum,
// []any, map[string]any, or a *Node for an object passed by ID.
type Arg struct {
	Name  string
	Value any
}

// Args are a field's arguments, sorted by name.
type Args []Arg

// Get returns the named argument's value, or nil.
func (a Args) Get(name string) any {
	for _, arg := range a {
		if arg.Name == name {
			return arg.Value
		}
	}
	return nil
}

// String returns a string or enum argument, or "".
func (a Args) String(name string) string {
	switch v := a.Get(name).(type) {
	case string:
		return v
	case Enum:
		return string(v)
	}
	return ""
}

// Strings returns a list-of-strings argument.
func (a Args) Strings(name string) []string {
	list, _ := a.Get(name).([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// Node returns an object argument.
func (a Args) Node(name string) *Node {
	n, _ := a.Get(name).(*Node)
	return n
}

// Bool returns a boolean argument.
func (a Args) Bool(name string) bool {
	b, _ := a.Get(name).(bool)
	return b
}

// Int returns an integer argument.
func (a Args) Int(name string) int {
	i, _ := a.Get(name).(int64)
	return int(i)
}

// Chain returns the nodes from the root to n.
func (n *Node) Chain() []*Node {
	var out []*Node
	for c := n; c != nil; c = c.Parent {
		out = append(out, c)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Find returns the nearest node in n's chain (n included) with the given field.
func (n *Node) Find(field string) *Node {
	for c := n; c != nil; c = c.Parent {
		if c.Field == field {
			return c
		}
	}
	return nil
}

func makeKey(parent *Node, field string, args Args) string {
	var b strings.Builder
	if parent != nil {
		b.WriteString(parent.key)
		b.WriteByte('.')
	}
	b.WriteString(field)
	if len(args) > 0 {
		b.WriteByte('(')
		for i, a := range args {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(a.Name)
			b.WriteByte(':')
			writeValue(&b, a.Value, nil)
		}
		b.WriteByte(')')
	}
	return b.String()
}

// writeValue renders a value canonically. render, when set, renders nested
// nodes (for plans); otherwise their keys are used (for interning).
func writeValue(b *strings.Builder, v any, render func(*Node) string) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(strconv.Quote(v))
	case Enum:
		b.WriteString(string(v))
	case *Node:
		if render != nil {
			b.WriteString(render(v))
		} else {
			b.WriteString("<" + v.key + ">")
		}
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeValue(b, e, render)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k + ": ")
			writeValue(b, v[k], render)
		}
		b.WriteByte('}')
	default:
		fmt.Fprint(b, v)
	}
}
