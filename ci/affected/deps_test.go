package affected

import (
	"slices"
	"testing"
)

func TestDependencies(t *testing.T) {
	g := Graph{
		Services: map[string]string{"bff": "services/bff", "audit": "services/audit", "solo": "services/solo"},
		Packages: map[string]string{"services/shared": "platform/shared", "services/db": "Platform/DB"},
		Requires: map[string][]string{
			"services/bff":    {"platform/shared", "php"},
			"services/audit":  {"platform/db"},
			"services/db":     {"platform/shared"},
			"services/shared": nil,
		},
	}
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "direct", in: "bff", want: []string{"services/shared"}},
		{name: "transitive", in: "audit", want: []string{"services/db", "services/shared"}},
		{name: "none", in: "solo", want: []string{}},
		{name: "unknown service", in: "nope", want: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Dependencies(tt.in); !slices.Equal(got, tt.want) {
				t.Fatalf("Dependencies(%s) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
