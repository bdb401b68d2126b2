package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dagger/platform/daggertest"
)

var update = flag.Bool("update", false, "rewrite the golden plans under testdata/")

// servicesInPlan lists the services whose workspaces the recorded plan holds.
func servicesInPlan(eng *daggertest.Engine) []string {
	seen := map[string]bool{}
	for _, c := range eng.Containers() {
		for _, e := range c.Execs {
			if strings.HasPrefix(e.Workdir, srcRoot+"/services/") {
				seen[workdirOf(e)] = true
			}
		}
	}
	var out []string
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func TestPullRequestRunsAffectedServicesOnly(t *testing.T) {
	tests := []struct {
		name    string
		changed string
		want    []string // services with steps in the plan
		scope   string
	}{
		{name: "one service", changed: "services/audit/src/Log.php", want: []string{"audit"}},
		{name: "shared package", changed: "services/shared/src/Http/Kernel.php", want: nil /* every dependent, checked below */},
		{name: "docs only", changed: "README.md\ninfrastructure/k8s/base/kustomization.yaml", want: []string{}, scope: "no service affected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, eng := repoPlatform(t)
			rep, err := p.PullRequest(context.Background(), false, tt.changed, nil, nil, "", false, 80, 70, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == nil { // every dependent, and the package's own suites
				want = append(dependentsOf(p, "services/shared"), "shared")
				slices.Sort(want)
			}
			if got := servicesInPlan(eng); !slices.Equal(got, want) {
				t.Errorf("plan holds steps of %v, want %v", got, want)
			}
			if !strings.Contains(rep.Scope, tt.scope) {
				t.Errorf("scope = %q, want it to say %q", rep.Scope, tt.scope)
			}
		})
	}
}

func dependentsOf(p *Platform, shared string) []string {
	var out []string
	for _, s := range p.Catalog {
		if slices.Contains(s.Shared, shared) {
			out = append(out, s.Name)
		}
	}
	return out
}

func TestPullRequestReportsOneLintFailureAndEveryOtherResult(t *testing.T) {
	p, eng := repoPlatform(t)
	eng.OnExecWhere(func(e daggertest.Exec) bool {
		return workdirOf(e) == "audit" && strings.Contains(strings.Join(e.Args, " "), "phpstan analyse")
	}, daggertest.ExecResult{ExitCode: 1, Stdout: "Found 2 errors"})
	_, err := p.PullRequest(context.Background(), true, "", nil, nil, "", false, 80, 70, nil, false)
	if err == nil {
		t.Fatal("pull request passed with a failing PHPStan")
	}
	msg := err.Error()
	if !strings.Contains(msg, "audit/lint") || !strings.Contains(msg, "Found 2 errors") {
		t.Errorf("error does not name audit's lint failure:\n%s", msg)
	}
	for _, s := range p.catalog().Names() {
		for _, stage := range []string{"lint", "test", "mutation"} {
			if !regexpRow(msg, s, stage) {
				t.Errorf("report lacks the %s/%s row:\n%s", s, stage, msg)
			}
		}
	}
	if strings.Count(msg, "fail") < 1 || strings.Contains(msg, "bff/lint") {
		t.Errorf("only audit/lint should fail:\n%s", msg)
	}
}

func TestPullRequestNoFailReturnsTheReportForASummary(t *testing.T) {
	p, eng := repoPlatform(t)
	eng.OnExecWhere(func(e daggertest.Exec) bool {
		return workdirOf(e) == "bff" && strings.Contains(strings.Join(e.Args, " "), "psalm")
	}, daggertest.ExecResult{ExitCode: 2, Stdout: "ERROR: MixedAssignment"})
	rep, err := p.PullRequest(context.Background(), true, "", nil, nil, "", false, 80, 70, nil, true)
	if err != nil {
		t.Fatalf("--no-fail returned an error: %v", err)
	}
	if len(rep.Failures) != 1 || !strings.HasPrefix(rep.Failures[0], "bff/lint: psalm: exit code 2") {
		t.Errorf("failures = %q", rep.Failures)
	}
	if err := rep.Check(); err == nil || !strings.Contains(err.Error(), "1 gates failed") || !strings.Contains(err.Error(), "MixedAssignment") {
		t.Errorf("Check() = %v", err)
	}
	if got, err := rep.Summary().Contents(context.Background()); err != nil || got != rep.Markdown {
		t.Errorf("the summary file does not hold the Markdown report: %v", err)
	}
	for _, want := range []string{"**Scope:**", "```mermaid", "gantt", "| bff "} {
		if !strings.Contains(rep.Markdown, want) {
			t.Errorf("the Markdown summary lacks %q:\n%s", want, rep.Markdown)
		}
	}
	_, err = p.PullRequest(context.Background(), true, "", nil, nil, "", false, 80, 70, nil, false)
	if err == nil || !strings.Contains(err.Error(), "bff/lint: psalm") {
		t.Errorf("without --no-fail the run must fail naming the gate: %v", err)
	}
}

// regexpRow reports whether the table has a row for service and stage.
func regexpRow(table, service, stage string) bool {
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == service && f[1] == stage {
			return true
		}
	}
	return false
}

func TestPullRequestRejectsConflictingInputs(t *testing.T) {
	p, _ := repoPlatform(t)
	_, err := p.PullRequest(context.Background(), false, "services/audit/x", dag.Directory(), nil, "", false, 80, 70, nil, false)
	if err == nil || !strings.Contains(err.Error(), "--changed or --base, not both") {
		t.Errorf("err = %v", err)
	}
	_, err = p.PullRequest(context.Background(), false, "/etc/passwd", nil, nil, "", false, 80, 70, nil, false)
	if err == nil {
		t.Errorf("an absolute changed path was accepted")
	}
}

func TestPullRequestGoldenPlan(t *testing.T) {
	p, eng := repoPlatform(t)
	if _, err := p.PullRequest(context.Background(), true, "", nil, nil, "", false, 80, 70, nil, false); err != nil {
		t.Fatal(err)
	}
	golden(t, "pull-request-all.plan", eng.Plan())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("plan differs from %s (review the change, then go test -run %s -update):\n%s", path, t.Name(), firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		if i >= len(w) || i >= len(g) || w[i] != g[i] {
			line := func(l []string) string {
				if i < len(l) {
					return l[i]
				}
				return "<end>"
			}
			return "line " + itoa(i+1) + ":\n  want: " + line(w) + "\n  got:  " + line(g)
		}
	}
	return ""
}
