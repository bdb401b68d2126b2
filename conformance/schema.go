package conformance

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

// Schema is the subset of a CRD's structural OpenAPI v3 schema that decides
// whether a manifest is well-formed: field names, types, required fields and
// enums. It is what the API server enforces (with pruning turned into errors).
type Schema struct {
	Type                 string             `json:"type"`
	Properties           map[string]*Schema `json:"properties"`
	AdditionalProperties *SchemaOrBool      `json:"additionalProperties"`
	Items                *Schema            `json:"items"`
	Required             []string           `json:"required"`
	Enum                 []any              `json:"enum"`
	Nullable             bool               `json:"nullable"`
	PreserveUnknown      bool               `json:"x-kubernetes-preserve-unknown-fields"`
	IntOrString          bool               `json:"x-kubernetes-int-or-string"`
}

// SchemaOrBool is additionalProperties: either a schema for every value or a flag.
type SchemaOrBool struct {
	Allows bool
	Schema *Schema
}

// UnmarshalJSON accepts both forms of additionalProperties.
func (s *SchemaOrBool) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &s.Allows); err == nil {
		return nil
	}
	s.Allows = true
	return json.Unmarshal(b, &s.Schema)
}

// Validate returns one message per violation of s by v, each prefixed by its path.
func (s *Schema) Validate(path string, v any) []string {
	if v == nil {
		if s.Nullable || s.PreserveUnknown {
			return nil
		}
		return []string{path + ": null is not allowed"}
	}
	if s.IntOrString {
		if _, ok := v.(string); ok || isInteger(v) {
			return nil
		}
		return []string{fmt.Sprintf("%s: want integer or string, got %T", path, v)}
	}
	switch s.Type {
	case "object":
		return s.validateObject(path, v)
	case "array":
		return s.validateArray(path, v)
	case "":
		return nil // untyped (preserve-unknown or anyOf) values are opaque
	}
	return s.validateScalar(path, v)
}

func (s *Schema) validateObject(path string, v any) []string {
	m, ok := v.(map[string]any)
	if !ok {
		return []string{fmt.Sprintf("%s: want object, got %T", path, v)}
	}
	var errs []string
	for _, k := range sortedKeys(m) {
		sub := s.Properties[k]
		switch {
		case sub != nil:
		case s.AdditionalProperties != nil && s.AdditionalProperties.Schema != nil:
			sub = s.AdditionalProperties.Schema
		case s.PreserveUnknown || (s.AdditionalProperties != nil && s.AdditionalProperties.Allows):
			continue
		default:
			errs = append(errs, fmt.Sprintf("%s.%s: unknown field%s", path, k, suggest(k, s.Properties)))
			continue
		}
		errs = append(errs, sub.Validate(path+"."+k, m[k])...)
	}
	for _, r := range s.Required {
		if _, ok := m[r]; !ok {
			errs = append(errs, fmt.Sprintf("%s.%s: required field is missing", path, r))
		}
	}
	return errs
}

func (s *Schema) validateArray(path string, v any) []string {
	l, ok := v.([]any)
	if !ok {
		return []string{fmt.Sprintf("%s: want array, got %T", path, v)}
	}
	if s.Items == nil {
		return nil
	}
	var errs []string
	for i, item := range l {
		errs = append(errs, s.Items.Validate(fmt.Sprintf("%s[%d]", path, i), item)...)
	}
	return errs
}

func (s *Schema) validateScalar(path string, v any) []string {
	ok := false
	switch s.Type {
	case "string":
		_, ok = v.(string)
	case "boolean":
		_, ok = v.(bool)
	case "integer":
		ok = isInteger(v)
	case "number":
		_, isFloat := v.(float64)
		ok = isFloat || isInteger(v)
	}
	if !ok {
		return []string{fmt.Sprintf("%s: want %s, got %T", path, s.Type, v)}
	}
	if len(s.Enum) > 0 && !inEnum(v, s.Enum) {
		return []string{fmt.Sprintf("%s: %v is not one of %v", path, v, s.Enum)}
	}
	return nil
}

func isInteger(v any) bool {
	switch n := v.(type) {
	case int, int64:
		return true
	case float64:
		return n == math.Trunc(n)
	}
	return false
}

func inEnum(v any, enum []any) bool {
	for _, e := range enum {
		if fmt.Sprint(e) == fmt.Sprint(v) {
			return true
		}
	}
	return false
}

// suggest names the known field closest to a misspelled one, case-insensitively.
func suggest(k string, props map[string]*Schema) string {
	for p := range props {
		if strings.EqualFold(p, k) || editDistance(p, k) <= 2 {
			return fmt.Sprintf(" (did you mean %q?)", p)
		}
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := []int{i}
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur = append(cur, min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost))
		}
		prev = cur
	}
	return prev[len(b)]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
