package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dagger/platform/daggertest"
	"dagger/platform/qa"
)

// sourceSelections lists the repository directories a container's /src copy
// is made of: each is a directory(path) selected on the source root.
func sourceSelections(t *testing.T, c *daggertest.Container) []string {
	t.Helper()
	src, ok := c.Mount(srcRoot)
	if !ok || src.Source == nil {
		t.Fatalf("no %s in the container", srcRoot)
	}
	var out []string
	for _, step := range src.Source.Chain() {
		if step.Field != "withDirectory" {
			continue
		}
		from := step.Args.Node("source")
		if from == nil || from.Field != "directory" || from.Parent == nil || from.Parent.Field != "directory" || from.Parent.Parent == nil || from.Parent.Parent.Field != "host" {
			t.Fatalf("/src is built from something other than a directory of the source root: %+v", from)
		}
		if from.Args.String("path") != step.Args.String("path") {
			t.Errorf("%s is copied to %s: the layout must match the repository's", from.Args.String("path"), step.Args.String("path"))
		}
		out = append(out, from.Args.String("path"))
	}
	slices.Sort(out)
	return out
}

func TestLintSeesOnlyItsServiceAndSharedCode(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Lint(context.Background(), []string{"audit"}, false); err != nil {
		t.Fatal(err)
	}
	for _, check := range qa.LintChecks(false) {
		ctrs := execWith(eng, check.Args)
		if len(ctrs) != 1 {
			t.Fatalf("%s: want one container, got %d", check.Tool, len(ctrs))
		}
		if got := sourceSelections(t, ctrs[0]); !slices.Equal(got, []string{"services/audit", "services/shared"}) {
			t.Errorf("%s sees %v, want only services/audit and services/shared", check.Tool, got)
		}
		if ctrs[0].Workdir != srcRoot+"/services/audit" {
			t.Errorf("%s runs in %s", check.Tool, ctrs[0].Workdir)
		}
	}
}

func TestCachesAreNamespacedWithSharingModes(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Lint(context.Background(), []string{"audit"}, false); err != nil {
		t.Fatal(err)
	}
	ctr := execWith(eng, qa.LintChecks(false)[1].Args)[0]
	want := map[string][2]string{
		cacheRoot + "/composer": {"platform-composer", "SHARED"},
		cacheRoot + "/xdg":      {"platform-xdg-audit", "LOCKED"},
		"/tmp/phpstan":          {"platform-phpstan-audit", "LOCKED"},
	}
	for path, w := range want {
		m, ok := ctr.Mount(path)
		if !ok || m.Kind != "cache" || m.Cache != w[0] || m.Sharing != w[1] {
			t.Errorf("cache at %s = %+v, want volume %s shared %s", path, m, w[0], w[1])
		}
	}
	if ctr.Env["COMPOSER_CACHE_DIR"] != cacheRoot+"/composer" {
		t.Errorf("COMPOSER_CACHE_DIR = %q: composer must use the cache volume", ctr.Env["COMPOSER_CACHE_DIR"])
	}
}

func TestLintNamesEveryFailingTool(t *testing.T) {
	p, eng := repoPlatform(t)
	eng.OnExec(daggertest.ArgvContains("phpstan analyse"), daggertest.ExecResult{ExitCode: 1, Stdout: "Line 12: Method Foo::bar() has no return type"})
	eng.OnExec(daggertest.ArgvContains("php-cs-fixer"), daggertest.ExecResult{ExitCode: 8, Stdout: "1) src/Kernel.php"})
	err := p.Lint(context.Background(), []string{"audit"}, true)
	if err == nil {
		t.Fatal("lint passed with two failing tools")
	}
	for _, want := range []string{"audit/lint: phpstan: exit code 1", "has no return type", "php-cs-fixer: exit code 8", "src/Kernel.php"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "psalm") {
		t.Errorf("psalm passed but is named: %v", err)
	}
	if len(execWith(eng, qa.LintChecks(true)[1].Args)) != 1 {
		t.Errorf("--annotate does not switch PHPStan to the github error format")
	}
}
