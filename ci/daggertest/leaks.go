package daggertest

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Leaks returns every recorded query that carries value anywhere except in the
// plaintext argument of setSecret (where a test, not the module, put it).
// Tests assert it is empty: a secret must travel only as a Secret object.
func (e *Engine) Leaks(value string) []string {
	var out []string
	for _, q := range e.Queries() {
		if !strings.Contains(q, value) {
			continue
		}
		doc, err := parser.ParseQuery(&ast.Source{Input: q})
		if err != nil || setLeaks(doc.Operations[0].SelectionSet, value) {
			out = append(out, q)
		}
	}
	return out
}

func setLeaks(set ast.SelectionSet, value string) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				if s.Name == "setSecret" && a.Name == "plaintext" {
					continue
				}
				if strings.Contains(a.Value.String(), value) {
					return true
				}
			}
			if setLeaks(s.SelectionSet, value) {
				return true
			}
		case *ast.InlineFragment:
			if setLeaks(s.SelectionSet, value) {
				return true
			}
		}
	}
	return false
}
