package qa

import (
	"slices"
	"strings"
	"testing"
)

func TestToolsArePinned(t *testing.T) {
	for _, tool := range Tools() {
		if tool.Version == "" || !strings.Contains(tool.URL, tool.Version) {
			t.Errorf("%s: URL %s does not carry the pinned version %q", tool.Name, tool.URL, tool.Version)
		}
		if !strings.HasPrefix(tool.URL, "https://") || !strings.HasSuffix(tool.URL, ".phar") {
			t.Errorf("%s: %s is not an https phar download", tool.Name, tool.URL)
		}
	}
}

func TestLintChecks(t *testing.T) {
	tests := []struct {
		name     string
		annotate bool
		tool     string
		want     string // an argument the tool must get; "" for none
		wantNot  string
	}{
		{name: "phpstan plain", tool: "phpstan", wantNot: "--error-format=github"},
		{name: "phpstan annotated", annotate: true, tool: "phpstan", want: "--error-format=github"},
		{name: "psalm annotated", annotate: true, tool: "psalm", want: "--output-format=github"},
		{name: "cs-fixer never writes", tool: "php-cs-fixer", want: "--dry-run"},
		{name: "composer validate is strict", tool: "composer-validate", want: "--strict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := slices.IndexFunc(LintChecks(tt.annotate), func(c Check) bool { return c.Tool == tt.tool })
			if i < 0 {
				t.Fatalf("no %s check", tt.tool)
			}
			args := LintChecks(tt.annotate)[i].Args
			if tt.want != "" && !slices.Contains(args, tt.want) || tt.wantNot != "" && slices.Contains(args, tt.wantNot) {
				t.Fatalf("%s args = %v", tt.tool, args)
			}
		})
	}
}

func TestMutation(t *testing.T) {
	all := Mutation(2, "")
	if slices.ContainsFunc(all, func(a string) bool { return strings.HasPrefix(a, "--git-diff") }) {
		t.Errorf("without a base every line is mutated: %v", all)
	}
	if !slices.Contains(all, "--min-msi=0") {
		t.Errorf("Infection's own MSI gate must be off (the gate is computed in Go): %v", all)
	}
	pr := Mutation(2, "origin/main")
	if !slices.Contains(pr, "--git-diff-lines") || !slices.Contains(pr, "--git-diff-base=origin/main") {
		t.Errorf("changed-lines mutation args = %v", pr)
	}
}
