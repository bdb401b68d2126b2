package affected

import (
	"reflect"
	"testing"
)

var all = []string{"audit", "bff", "llm-agent", "notification"}

func TestAffected(t *testing.T) {
	tests := []struct {
		name        string
		in          []string
		want        []string
		wantReasons map[string][]string
		wantIgnored []string
	}{
		{
			name: "one service", in: []string{"services/audit/src/Log.php"},
			want: []string{"audit"}, wantReasons: map[string][]string{"audit": {"services/audit/src/Log.php"}},
		},
		{
			name: "service directory itself", in: []string{"services/audit"},
			want: []string{"audit"}, wantReasons: map[string][]string{"audit": {"services/audit"}},
		},
		{
			name: "prefix of another service name is not that service", in: []string{"services/bff-old/x.php", "services/auditing"},
			wantIgnored: []string{"services/bff-old/x.php", "services/auditing"},
		},
		{
			name: "shared package affects its dependents", in: []string{"services/shared/src/X.php"},
			want: []string{"bff", "notification"},
			wantReasons: map[string][]string{
				"bff":          {"services/shared/src/X.php (via platform/shared)"},
				"notification": {"services/shared/src/X.php (via platform/shared)"},
			},
		},
		{
			name: "second-level shared package affects transitive dependents", in: []string{"services/shared-http/src/Client.php"},
			want: []string{"bff", "llm-agent", "notification"},
			wantReasons: map[string][]string{
				"bff":          {"services/shared-http/src/Client.php (via platform/shared → platform/shared-http)"},
				"llm-agent":    {"services/shared-http/src/Client.php (via platform/shared-http)"},
				"notification": {"services/shared-http/src/Client.php (via platform/shared → platform/shared-http)"},
			},
		},
		{
			name: "pipeline affects all", in: []string{"ci/main.go"}, want: all,
			wantReasons: map[string][]string{
				"audit": {"pipeline changed: ci/main.go"}, "bff": {"pipeline changed: ci/main.go"},
				"llm-agent": {"pipeline changed: ci/main.go"}, "notification": {"pipeline changed: ci/main.go"},
			},
		},
		{name: "dagger.json", in: []string{"dagger.json"}, want: all},
		{name: "go.sum", in: []string{"go.sum"}, want: all},
		{name: "Makefile", in: []string{"Makefile"}, want: all},
		{name: ".ci runner", in: []string{".ci/run"}, want: all},
		{name: "scripts", in: []string{"scripts/test-servers.sh"}, want: all},
		{name: "workflows", in: []string{".github/workflows/pr.yml"}, want: all},
		{name: "go.mod below the root is not root tooling", in: []string{"docs/go.mod"}, wantIgnored: []string{"docs/go.mod"}},
		{name: "look-alike of ci/ is not the pipeline", in: []string{"cities.md"}, wantIgnored: []string{"cities.md"}},
		{
			name: "infrastructure and docs affect none", in: []string{"infrastructure/k8s/base/x.yaml", "docs/adr/1.md", "README.md"},
			wantIgnored: []string{"infrastructure/k8s/base/x.yaml", "docs/adr/1.md", "README.md"},
		},
		{name: "unrelated services dir", in: []string{"services/legacy/src/Old.php"}, wantIgnored: []string{"services/legacy/src/Old.php"}},
		{
			name: "mixed change keeps every reason once",
			in:   []string{"services/bff/a.php", "services/shared/b.php", "services/bff/a.php", "docs/x.md"},
			want: []string{"bff", "notification"},
			wantReasons: map[string][]string{
				"bff":          {"services/bff/a.php", "services/shared/b.php (via platform/shared)"},
				"notification": {"services/shared/b.php (via platform/shared)"},
			},
			wantIgnored: []string{"docs/x.md"},
		},
		{name: "nothing changed", in: nil},
	}
	g := fixtureGraph(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Affected(tt.in)
			if !reflect.DeepEqual(got.Services, tt.want) {
				t.Fatalf("services: got %v, want %v", got.Services, tt.want)
			}
			if tt.wantReasons != nil && !reflect.DeepEqual(got.Reasons, tt.wantReasons) {
				t.Fatalf("reasons: got %q, want %q", got.Reasons, tt.wantReasons)
			}
			if !reflect.DeepEqual(got.Ignored, tt.wantIgnored) {
				t.Fatalf("ignored: got %q, want %q", got.Ignored, tt.wantIgnored)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{name: "nothing changed", in: nil, want: "no service affected: no changed paths"},
		{
			name: "outside services",
			in:   []string{"infrastructure/k8s/base/x.yaml", "README.md"},
			want: "no service affected: 2 changed paths, all outside services/ (infrastructure/k8s/base/x.yaml, README.md)",
		},
		{
			name: "under services but no service",
			in:   []string{"services/legacy/a.php"},
			want: "no service affected: 1 changed path, none in a service, a shared package it uses, or the pipeline (services/legacy/a.php)",
		},
		{
			name: "many ignored are cut",
			in:   []string{"docs/1.md", "docs/2.md", "docs/3.md", "docs/4.md", "docs/5.md", "docs/6.md", "docs/7.md"},
			want: "no service affected: 7 changed paths, all outside services/ (docs/1.md, docs/2.md, docs/3.md, docs/4.md, docs/5.md and 2 more)",
		},
		{
			name: "affected with reasons",
			in:   []string{"services/audit/x.php", "services/shared/y.php", "README.md"},
			want: "3 services affected by 3 changed paths (1 affect nothing: README.md):\n" +
				"  audit: services/audit/x.php\n" +
				"  bff: services/shared/y.php (via platform/shared)\n" +
				"  notification: services/shared/y.php (via platform/shared)",
		},
		{
			name: "one service",
			in:   []string{"services/audit/x.php"},
			want: "1 service affected by 1 changed path:\n  audit: services/audit/x.php",
		},
	}
	g := fixtureGraph(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.Affected(tt.in).Summary(); got != tt.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
