package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"dagger/platform/catalog"
	"dagger/platform/gates"
	"dagger/platform/internal/dagger"
	"dagger/platform/phpcmd"
	"dagger/platform/versions"
)

// Test runs each service's unit suite with the line-coverage gate, then its
// migrations and integration suite against PostgreSQL and Redis containers.
// +check
func (p *Platform) Test(
	ctx context.Context,
	// Services to test (default: all)
	// +optional
	service []string,
	// Minimum unit line coverage, in percent
	// +default=80
	minCoverage float64,
) error {
	services, err := p.selectServices(service)
	if err != nil {
		return err
	}
	return p.eachService(ctx, services, "test", func(ctx context.Context, m catalog.Manifest) (string, error) {
		return "", p.test(ctx, m, minCoverage)
	})
}

// TestReports returns one service's JUnit and clover reports, whether or not
// its tests pass (the gate is Test's job).
func (p *Platform) TestReports(
	// Service whose reports to return
	service string,
) (*dagger.Directory, error) {
	sel, err := p.selectServices([]string{service})
	if err != nil {
		return nil, err
	}
	m := sel[0]
	ws := p.unsyncedWorkspace(m)
	unit, integration := unitRun(ws), p.integrationRun(ws, m)
	return dag.Directory().
		WithFile(phpcmd.CloverFile, unit.File(reportPath(phpcmd.CloverFile))).
		WithFile(phpcmd.JUnitUnitFile, unit.File(reportPath(phpcmd.JUnitUnitFile))).
		WithFile(phpcmd.JUnitIntegrationFile, integration.File(reportPath(phpcmd.JUnitIntegrationFile))), nil
}

// unitRun runs the unit suite with coverage. Its exit code is read, not
// raised, so the reports survive a failing test and the gate names the failure.
func unitRun(ws *dagger.Container) *dagger.Container {
	return ws.
		WithExec(phpcmd.UnitTests(reportsDir), dagger.ContainerWithExecOpts{Expect: dagger.ReturnTypeAny})
}

// integrationRun migrates the bound database (waiting for it, bounded by
// MIGRATE_WAIT_SECONDS) and then runs the integration suite.
func (p *Platform) integrationRun(ws *dagger.Container, m catalog.Manifest) *dagger.Container {
	ctr := p.withDependencies(ws, m)
	if migrate := phpcmd.Migrate(m); len(migrate) > 0 { // shared packages migrate in their own tests
		ctr = ctr.WithEnvVariable("MIGRATE_WAIT_SECONDS", "60").WithExec(migrate)
	}
	return ctr.WithExec(phpcmd.IntegrationTests(reportsDir), dagger.ContainerWithExecOpts{Expect: dagger.ReturnTypeAny})
}

// withDependencies binds the PostgreSQL and Redis containers a service's
// manifest asks for and points DATABASE_URL and REDIS_URL at their aliases.
func (p *Platform) withDependencies(ctr *dagger.Container, m catalog.Manifest) *dagger.Container {
	if m.Postgres {
		db := strings.ReplaceAll(m.Service, "-", "_")
		pg := dag.Container().From("postgres:"+versions.Postgres).
			WithEnvVariable("POSTGRES_DB", db).
			WithEnvVariable("POSTGRES_HOST_AUTH_METHOD", "trust"). // a throwaway test database: no credential to leak
			WithExposedPort(5432).
			AsService(dagger.ContainerAsServiceOpts{UseEntrypoint: true})
		ctr = ctr.WithServiceBinding("postgres", pg).
			WithEnvVariable("DATABASE_URL", "postgres://postgres@postgres:5432/"+db)
	}
	if m.Redis {
		redis := dag.Container().From("redis:" + versions.Redis).
			WithExposedPort(6379).
			AsService(dagger.ContainerAsServiceOpts{UseEntrypoint: true})
		ctr = ctr.WithServiceBinding("redis", redis).WithEnvVariable("REDIS_URL", "redis://redis:6379/0")
	}
	return ctr
}

// test gates both suites, concurrently, and reports every failure.
func (p *Platform) test(ctx context.Context, m catalog.Manifest, minCoverage float64) error {
	ws, err := p.workspace(ctx, m)
	if err != nil {
		return err
	}
	unit, integration := unitRun(ws), p.integrationRun(ws, m)
	var unitErr, integrationErr error
	var wg sync.WaitGroup
	wg.Go(func() { integrationErr = checkSuite(ctx, integration, "integration", phpcmd.JUnitIntegrationFile) })
	unitErr = checkUnit(ctx, unit, minCoverage)
	wg.Wait()
	return errors.Join(unitErr, integrationErr)
}

func checkUnit(ctx context.Context, unit *dagger.Container, minCoverage float64) error {
	if err := checkSuite(ctx, unit, "unit", phpcmd.JUnitUnitFile); err != nil {
		return err
	}
	cov, err := readReport(ctx, unit, reportPath(phpcmd.CloverFile), gates.ParseClover)
	if err != nil {
		return err
	}
	return gates.CheckCoverage(cov, minCoverage)
}

// checkSuite fails closed: a missing or malformed JUnit report, zero tests,
// a failing test, or a non-zero exit are each a failure that says which.
func checkSuite(ctx context.Context, ctr *dagger.Container, suite, junit string) error {
	code, err := ctr.ExitCode(ctx)
	if err != nil {
		return fmt.Errorf("%s suite did not run: %w", suite, execDetail(err))
	}
	summary, err := readReport(ctx, ctr, reportPath(junit), gates.ParseJUnit)
	if err != nil {
		return fmt.Errorf("%s suite: %w", suite, err)
	}
	if err := gates.CheckTests(summary); err != nil {
		return fmt.Errorf("%s suite: %w", suite, err)
	}
	if code != 0 {
		return fmt.Errorf("%s suite: phpunit exited %d although its JUnit report shows no failing test", suite, code)
	}
	return nil
}

// readReport reads and parses a report file from a container, failing closed.
func readReport[T any](ctx context.Context, ctr *dagger.Container, file string, parse func(io.Reader) (T, error)) (T, error) {
	return readFile(ctx, ctr.File(file), "report "+file, func(data []byte) (T, error) { return parse(bytes.NewReader(data)) })
}

// readFile reads and parses one file, failing closed: a missing file and a
// malformed one are each an error that names it.
func readFile[T any](ctx context.Context, f *dagger.File, name string, parse func([]byte) (T, error)) (T, error) {
	var zero T
	data, err := f.Contents(ctx)
	if err != nil {
		return zero, fmt.Errorf("%s is missing: %w", name, err)
	}
	v, err := parse([]byte(data))
	if err != nil {
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

func reportPath(file string) string { return path.Join(reportsDir, file) }
