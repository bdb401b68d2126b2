package main

import (
	"context"
	"strings"
	"testing"

	"dagger/platform/daggertest"
	"dagger/platform/qa"
)

func TestMutationGate(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*daggertest.Engine)
		want  string // error substring; "" passes
	}{
		{name: "MSI above the gate", setup: func(*daggertest.Engine) {}},
		{name: "MSI below the gate", setup: func(e *daggertest.Engine) {
			e.FileContents("infection.json", fixture(t, "infection.json"))
		}, want: "MSI 60.00% < 70.00%"},
		{name: "zero mutants pass", setup: func(e *daggertest.Engine) {
			e.FileContents("infection.json", fixture(t, "infection-no-mutants.json"))
		}},
		{name: "missing log fails", setup: func(e *daggertest.Engine) {
			e.Fail(func(c *daggertest.Call) bool {
				return c.Field == "contents" && strings.HasSuffix(c.Target.Args.String("path"), qa.InfectionLog)
			}, "no such file")
		}, want: "report /src/services/audit/build/infection/infection.json is missing"},
		{name: "infection crash fails", setup: func(e *daggertest.Engine) {
			e.OnExec(daggertest.ArgvContains("infection"), daggertest.ExecResult{ExitCode: 1, Stderr: "Project tests must be in a passing state"})
		}, want: "infection exited 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, eng := repoPlatform(t)
			tt.setup(eng)
			err := p.Mutation(context.Background(), []string{"audit"}, 70, "", nil)
			if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestMutationOnChangedLines(t *testing.T) {
	p, eng := repoPlatform(t)
	git := dag.Host().Directory("..").Directory("ci")
	if err := p.Mutation(context.Background(), []string{"audit"}, 70, "origin/main", git); err != nil {
		t.Fatal(err)
	}
	ctrs := execWith(eng, qa.Mutation(2, "origin/main"))
	if len(ctrs) != 1 {
		t.Fatalf("want one infection run mutating changed lines, got %d", len(ctrs))
	}
	if m, ok := ctrs[0].Mount(srcRoot + "/.git"); !ok || m.Source == nil {
		t.Errorf("the git directory is not mounted at %s/.git", srcRoot)
	}
	if err := p.Mutation(context.Background(), []string{"audit"}, 70, "origin/main", nil); err == nil || !strings.Contains(err.Error(), "go together") {
		t.Errorf("--diff-base without --git: err = %v", err)
	}
}
