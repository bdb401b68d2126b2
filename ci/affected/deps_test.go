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

func TestAffectedPackages(t *testing.T) {
	g := Graph{
		Services: map[string]string{"bff": "services/bff"},
		Packages: map[string]string{"services/shared": "platform/shared", "services/db": "platform/db"},
		Requires: map[string][]string{"services/bff": {"platform/db"}, "services/db": {"platform/shared"}},
	}
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{name: "inside a package", in: []string{"services/db/src/Pool.php"}, want: []string{"services/db"}},
		{name: "inside a dependency", in: []string{"services/shared/src/Kernel.php"}, want: []string{"services/db", "services/shared"}},
		{name: "pipeline touches all", in: []string{"ci/main.go"}, want: []string{"services/db", "services/shared"}},
		{name: "a service only", in: []string{"services/bff/src/App.php"}, want: nil},
		{name: "docs", in: []string{"README.md"}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.AffectedPackages(tt.in); !slices.Equal(got, tt.want) {
				t.Fatalf("AffectedPackages(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	if got := g.PackageDependencies("services/db"); !slices.Equal(got, []string{"services/shared"}) {
		t.Errorf("PackageDependencies(services/db) = %v", got)
	}
}
