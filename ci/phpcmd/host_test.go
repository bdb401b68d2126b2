package phpcmd

// The host runner: every PHP package under services/ installed, migrated and
// tested for real on this machine, with the commands the pipeline runs.
//
//	eval "$(bash scripts/test-env.sh)"
//	cd ci && go test ./phpcmd/ -count=1 -v -run 'TestServicesOnHost|TestPHPLintAndCodeStyle|TestMigrationsTwiceAndConcurrently|TestMigrateWaitsForDatabase|TestReadyFollowsDatabase'

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dagger/platform/gates"
)

// MinUnitCoverage is the pipeline's unit line coverage gate, in percent.
const MinUnitCoverage = 80

func TestServicesOnHost(t *testing.T) {
	env := requireHostEnv(t)
	for i, pkg := range discoverHost(t) {
		redisURL := fmt.Sprintf("%s/%d", env.redis, i+1) // one Redis database per package
		t.Run(pkg.Name, func(t *testing.T) { testPackage(t, env, pkg, redisURL) })
	}
}

// testPackage installs, migrates and runs both suites of one package, then applies the gates.
func testPackage(t *testing.T, env hostEnv, pkg Package, redisURL string) {
	mustRun(t, pkg.Dir, phpEnv("", ""), ComposerInstall())
	dbURL := ""
	if pkg.Manifest == nil || pkg.Manifest.Postgres {
		dbURL = env.freshDatabase(t, pkg.Name)
	}
	if pkg.Manifest != nil && pkg.Manifest.Postgres {
		mustRun(t, pkg.Dir, phpEnv(dbURL, ""), Migrate(*pkg.Manifest))
	}
	reports := t.TempDir()
	phpEnv := phpEnv(dbURL, redisURL)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	unitOut, unitErr := run(ctx, pkg.Dir, phpEnv, UnitTests(reports))
	integrationOut, integrationErr := run(ctx, pkg.Dir, phpEnv, IntegrationTests(reports))

	unit := suiteSummary(t, filepath.Join(reports, JUnitUnitFile), unitErr, unitOut)
	integration := suiteSummary(t, filepath.Join(reports, JUnitIntegrationFile), integrationErr, integrationOut)
	coverage, err := gates.ParseFile(filepath.Join(reports, CloverFile), gates.ParseClover)
	if err != nil {
		t.Fatalf("unit coverage: %v", err)
	}
	t.Logf("%-22s unit: %3d tests, %d failed, line coverage %.1f%% (%d/%d) | integration: %3d tests, %d failed",
		pkg.Name, unit.Tests, unit.Failures+unit.Errors, coverage.Percent(), coverage.Covered, coverage.Statements,
		integration.Tests, integration.Failures+integration.Errors)
	if err := gates.CheckCoverage(coverage, MinUnitCoverage); err != nil {
		t.Errorf("unit coverage gate: %v", err)
	}
}

// suiteSummary reads a suite's JUnit report and fails the test when the suite did not pass.
func suiteSummary(t *testing.T, junit string, runErr error, out string) gates.TestSummary {
	t.Helper()
	summary, err := gates.ParseFile(junit, gates.ParseJUnit)
	if err != nil {
		t.Errorf("%v\n%s", err, tail(out, 40))
		return summary
	}
	if err := gates.CheckTests(summary); err != nil {
		t.Errorf("%s: %v\n%s", filepath.Base(junit), err, tail(out, 40))
	} else if runErr != nil {
		t.Errorf("phpunit failed although the report shows no failure: %v\n%s", runErr, tail(out, 40))
	}
	return summary
}

func TestPHPLintAndCodeStyle(t *testing.T) {
	files := phpFiles(t, servicesDir)
	if len(files) == 0 {
		t.Fatalf("no PHP files under %s", servicesDir)
	}
	for _, f := range files {
		if out, err := run(context.Background(), ".", nil, Lint(f)); err != nil {
			t.Errorf("%v\n%s", err, out)
		}
	}
	out, err := run(context.Background(), ".", nil, CodeStyle(servicesDir))
	if err != nil {
		t.Errorf("PSR-12 violations (fix them, phpcbf fixes some):\n%s", tail(out, 80))
	}
	t.Logf("php -l: %d files; phpcs --standard=PSR12: clean=%v", len(files), err == nil)
}

func TestMigrationsTwiceAndConcurrently(t *testing.T) {
	env := requireHostEnv(t)
	for _, pkg := range discoverHost(t) {
		if pkg.Manifest == nil || !pkg.Manifest.Postgres {
			continue
		}
		t.Run(pkg.Name, func(t *testing.T) {
			mustRun(t, pkg.Dir, phpEnv("", ""), ComposerInstall())
			sequential := env.freshDatabase(t, pkg.Name+"_seq")
			mustRun(t, pkg.Dir, phpEnv(sequential, ""), Migrate(*pkg.Manifest))
			second := mustRun(t, pkg.Dir, phpEnv(sequential, ""), Migrate(*pkg.Manifest))
			if !strings.Contains(second, "nothing to apply") {
				t.Errorf("second run applied something:\n%s", second)
			}
			concurrent := env.freshDatabase(t, pkg.Name+"_par")
			outs := make(chan string, 2)
			for range 2 {
				go func() {
					out, err := run(context.Background(), pkg.Dir, phpEnv(concurrent, ""), Migrate(*pkg.Manifest))
					if err != nil {
						t.Errorf("concurrent migration: %v\n%s", err, out)
					}
					outs <- out
				}()
			}
			both := <-outs + <-outs
			if n := strings.Count(both, "migrate: applied"); n != 1 {
				t.Errorf("two runs at once: %d applied the migrations, want exactly 1 (the other waits on the advisory lock):\n%s", n, both)
			}
			a, b := schemaDump(t, env, sequential), schemaDump(t, env, concurrent)
			if a != b {
				t.Errorf("schemas differ:\n--- twice in a row\n%s\n--- two at once\n%s", a, b)
			}
			t.Logf("%s: %d schema lines identical after two runs in a row and two at once", pkg.Name, strings.Count(a, "\n"))
		})
	}
}

// schemaDump describes columns, constraints, functions, indexes, triggers and applied migrations.
func schemaDump(t *testing.T, env hostEnv, dbURL string) string {
	t.Helper()
	queries := []string{
		`SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
		`SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
		`SELECT proname, md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`,
		`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`,
		`SELECT event_object_table, trigger_name, event_manipulation FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY 1, 2, 3`,
		`SELECT version, checksum FROM schema_migrations ORDER BY 1`,
	}
	var dump strings.Builder
	for _, q := range queries {
		out, err := env.psqlOut(dbURL, q)
		if err != nil {
			t.Fatalf("psql %q: %v\n%s", q, err, out)
		}
		dump.WriteString(out)
	}
	return dump.String()
}

func TestMigrateWaitsForDatabase(t *testing.T) {
	env := requireHostEnv(t)
	pkg := firstPostgresService(t)
	mustRun(t, pkg.Dir, phpEnv("", ""), ComposerInstall())
	name := env.freshDatabaseName(t, pkg.Name+"_wait")
	p := newProxy(t, env.postgres.Host)
	p.Close() // the database is "down" when the migration starts
	viaProxy := *env.postgres
	viaProxy.Host, viaProxy.Path = "127.0.0.1:"+p.port(), "/"+name
	go func() {
		time.Sleep(2 * time.Second)
		if err := p.Open(); err != nil {
			t.Errorf("reopen proxy: %v", err)
		}
	}()
	out := mustRun(t, pkg.Dir, phpEnv(viaProxy.String(), ""), Migrate(*pkg.Manifest))
	if !strings.Contains(out, "waiting for database") || !strings.Contains(out, "migrate: applied") {
		t.Fatalf("migration did not wait for the database and then apply:\n%s", out)
	}
	down := phpEnv("postgres://platform:platform@127.0.0.1:1/none", "")
	failed, err := run(context.Background(), pkg.Dir, append(down, "MIGRATE_WAIT_SECONDS=1"), Migrate(*pkg.Manifest))
	if err == nil || !strings.Contains(failed, "not reachable after 1s") {
		t.Fatalf("unreachable database: want a clear failure after 1s, got %v:\n%s", err, failed)
	}
	t.Logf("%s: migrate waited for the database, applied once it answered, and failed clearly when it never did", pkg.Name)
}

// firstPostgresService returns the first discovered service that declares postgres.
func firstPostgresService(t *testing.T) Package {
	t.Helper()
	for _, pkg := range discoverHost(t) {
		if pkg.Manifest != nil && pkg.Manifest.Postgres {
			return pkg
		}
	}
	t.Fatal("no service declares postgres")
	return Package{}
}

func TestReadyFollowsDatabase(t *testing.T) {
	env := requireHostEnv(t)
	tested := 0
	for i, pkg := range discoverHost(t) {
		if pkg.Manifest == nil || !pkg.Manifest.Postgres {
			continue
		}
		tested++
		t.Run(pkg.Name, func(t *testing.T) { testReadyFollowsDatabase(t, env, pkg, fmt.Sprintf("%s/%d", env.redis, i+1)) })
	}
	if tested == 0 {
		t.Fatal("no service declares postgres: nothing to test")
	}
}

// testReadyFollowsDatabase serves the service with php -S behind a TCP proxy to PostgreSQL, then cuts and restores the proxy.
func testReadyFollowsDatabase(t *testing.T, env hostEnv, pkg Package, redisURL string) {
	mustRun(t, pkg.Dir, phpEnv("", ""), ComposerInstall())
	name := env.freshDatabaseName(t, pkg.Name+"_ready")
	mustRun(t, pkg.Dir, phpEnv(env.databaseURL(name), ""), Migrate(*pkg.Manifest))
	p := newProxy(t, env.postgres.Host)
	viaProxy := *env.postgres
	viaProxy.Host, viaProxy.Path = "127.0.0.1:"+p.port(), "/"+name
	base := servePHP(t, pkg.Dir, phpEnv(viaProxy.String(), redisURL))

	expectReady(t, base, http.StatusOK, "")
	p.Close()
	expectReady(t, base, http.StatusServiceUnavailable, `"failing":["postgres"]`)
	if err := p.Open(); err != nil {
		t.Fatal(err)
	}
	expectReady(t, base, http.StatusOK, "")
	t.Logf("%s: /health/ready 200 -> 503 (postgres unreachable) -> 200 (back)", pkg.Name)
}
