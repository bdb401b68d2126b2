package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dagger/platform/daggertest"
	"dagger/platform/phpcmd"
)

// The service of the platform that needs both PostgreSQL and Redis.
const bothDeps = "workflow-orchestrator"

func TestIntegrationPlan(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Test(context.Background(), []string{bothDeps}, 80); err != nil {
		t.Fatal(err)
	}
	m, _ := p.service(bothDeps)
	ctrs := execWith(eng, phpcmd.IntegrationTests(reportsDir))
	if len(ctrs) != 1 {
		t.Fatalf("want one integration container, got %d", len(ctrs))
	}
	ctr := ctrs[0]
	migrate, integration := ctr.ExecIndex(strings.Join(phpcmd.Migrate(m), " ")), ctr.ExecIndex("--testsuite Integration")
	if migrate < 0 || integration < 0 || migrate > integration {
		t.Fatalf("migrations (exec %d) must run before the integration suite (exec %d) in one chain", migrate, integration)
	}
	ex := ctr.Execs[integration]
	if got := ex.Env["DATABASE_URL"]; got != "postgres://postgres@postgres:5432/workflow_orchestrator" {
		t.Errorf("DATABASE_URL = %q", got)
	}
	if got := ex.Env["REDIS_URL"]; got != "redis://redis:6379/0" {
		t.Errorf("REDIS_URL = %q", got)
	}
	for alias, want := range map[string]struct {
		image string
		port  int
	}{"postgres": {"postgres:15-alpine", 5432}, "redis": {"redis:7-alpine", 6379}} {
		b, ok := ex.Service(alias)
		if !ok || b.Container == nil {
			t.Fatalf("no service bound as %q", alias)
		}
		if b.Container.Image != want.image || !slices.Equal(b.Container.Ports, []int{want.port}) {
			t.Errorf("%s runs %s with ports %v, want %s with [%d]", alias, b.Container.Image, b.Container.Ports, want.image, want.port)
		}
		if !b.Service.Args.Bool("useEntrypoint") {
			t.Errorf("%s must start through its image entrypoint (it initialises the server)", alias)
		}
	}
}

func TestUnitPlanUsesSharedConstructors(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Test(context.Background(), []string{"validation"}, 80); err != nil {
		t.Fatal(err)
	}
	unit := execWith(eng, phpcmd.UnitTests(reportsDir))
	if len(unit) != 1 {
		t.Fatalf("want the unit suite run once with phpcmd.UnitTests, got %d", len(unit))
	}
	ex := unit[0].Execs[unit[0].ExecIndex("--testsuite Unit")]
	if ex.Expect != "ANY" {
		t.Errorf("the unit suite's exit code must be read, not raised, so its reports survive a failure")
	}
	if unit[0].ExecIndex(strings.Join(phpcmd.ComposerInstall(), " ")) < 0 {
		t.Errorf("composer install (phpcmd.ComposerInstall) does not run before the tests")
	}
	if _, bound := ex.Service("postgres"); bound {
		t.Errorf("validation needs no database, but one is bound")
	}
}

func TestTestGateFailsClosed(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*daggertest.Engine)
		want  string
	}{
		{name: "coverage below the gate", setup: func(e *daggertest.Engine) {
			e.FileContents(phpcmd.CloverFile, fixture(t, "clover-low.xml"))
		}, want: "line coverage 50.00% < 80.00%"},
		{name: "missing clover report", setup: func(e *daggertest.Engine) {
			e.Fail(func(c *daggertest.Call) bool {
				return c.Field == "contents" && strings.HasSuffix(c.Target.Args.String("path"), phpcmd.CloverFile)
			}, "no such file or directory")
		}, want: "report /reports/clover.xml is missing"},
		{name: "malformed junit", setup: func(e *daggertest.Engine) {
			e.FileContents(phpcmd.JUnitUnitFile, "<testsuites")
		}, want: "report /reports/junit-unit.xml"},
		{name: "failing test", setup: func(e *daggertest.Engine) {
			e.FileContents(phpcmd.JUnitIntegrationFile, fixture(t, "junit-failing.xml"))
		}, want: "integration suite"},
		{name: "migration failure", setup: func(e *daggertest.Engine) {
			e.OnExec(daggertest.ArgvContains("bin/migrate.php"), daggertest.ExecResult{ExitCode: 1, Stderr: "database did not answer within 60s"})
		}, want: "database did not answer within 60s"},
		{name: "composer install failure", setup: func(e *daggertest.Engine) {
			e.OnExec(daggertest.ArgvContains("composer install"), daggertest.ExecResult{ExitCode: 2, Stderr: "lock file is not up to date"})
		}, want: "composer install: exit code 2"},
		{name: "phpunit exit without failing test", setup: func(e *daggertest.Engine) {
			e.OnExec(daggertest.ArgvContains("--testsuite Unit"), daggertest.ExecResult{ExitCode: 255})
		}, want: "phpunit exited 255"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, eng := repoPlatform(t)
			tt.setup(eng)
			err := p.Test(context.Background(), []string{"audit"}, 80)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "audit/test: ") {
				t.Fatalf("err = %v, want it to start with audit/test: and contain %q", err, tt.want)
			}
		})
	}
}

func TestUnknownServiceIsRejected(t *testing.T) {
	p, _ := repoPlatform(t)
	err := p.Test(context.Background(), []string{"billing"}, 80)
	if err == nil || !strings.Contains(err.Error(), `unknown service "billing": known services are `+strings.Join(p.catalog().Names(), ", ")) {
		t.Fatalf("err = %v", err)
	}
	if len(p.catalog()) != 7 {
		t.Errorf("the repository has %d services, want 7: %v", len(p.catalog()), p.catalog().Names())
	}
}

func TestSharedPackageIsTestedWithBothServersAndNoMigration(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Test(context.Background(), []string{"shared"}, 80); err != nil {
		t.Fatal(err)
	}
	ctrs := execWith(eng, phpcmd.IntegrationTests(reportsDir))
	if len(ctrs) != 1 || ctrs[0].Workdir != srcRoot+"/services/shared" {
		t.Fatalf("want the shared package's integration suite once, got %d", len(ctrs))
	}
	ex := ctrs[0].Execs[ctrs[0].ExecIndex("--testsuite Integration")]
	for _, alias := range []string{"postgres", "redis"} {
		if _, ok := ex.Service(alias); !ok {
			t.Errorf("%s is not bound for the shared package's integration suite", alias)
		}
	}
	if ctrs[0].ExecIndex("migrate") >= 0 {
		t.Errorf("a shared package has no migration command, yet one runs")
	}
	if _, err := p.Serve("shared"); err == nil {
		t.Errorf("a shared package is not deployable, yet Serve accepted it")
	}
}
