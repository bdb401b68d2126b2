package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"dagger/platform/catalog"
	"dagger/platform/internal/dagger"
	"dagger/platform/license"
	"dagger/platform/trivy"
	"dagger/platform/versions"
)

// The dependency half of the scan stage: composer audit and the license
// policy per service, and Snyk when a token is given. The Trivy half is scan.go.

// scanDependencies audits a service's locked third-party packages for
// security advisories and checks their licenses against the policy.
func (p *Platform) scanDependencies(ctx context.Context, m catalog.Manifest) (string, error) {
	policy, err := readFile(ctx, p.Source.File(license.PolicyPath), license.PolicyPath, license.ParsePolicy)
	if err != nil {
		return "", err
	}
	lockPath := "services/" + m.Service + "/composer.lock"
	lock, err := readFile(ctx, p.Source.File(lockPath), lockPath, license.ParseLock)
	if err != nil {
		return "", err
	}
	if lock, err = p.thirdParty(lock); err != nil {
		return "", err
	}
	audit, err := p.audit(ctx, m, lock)
	if err == nil {
		err = audit.Err()
	}
	if err := errors.Join(policy.Check(lock), err); err != nil {
		return "", err
	}
	return cmp.Or(audit.Skipped, fmt.Sprintf("%d third-party packages: licenses allowed, no advisory", len(lock.Packages))), nil
}

// audit runs composer audit on the lock in the service's workspace. Its exit
// code is read, not raised (it is non-zero with advisories): ParseAudit
// decides, and fails closed.
func (p *Platform) audit(ctx context.Context, m catalog.Manifest, lock *license.Lock) (*license.Audit, error) {
	ws, err := p.workspace(ctx, m)
	if err != nil {
		return nil, err
	}
	run := ws.WithExec(append([]string{"composer"}, license.AuditArgs()...), dagger.ContainerWithExecOpts{Expect: dagger.ReturnTypeAny})
	code, err := run.ExitCode(ctx)
	if err != nil {
		return nil, fmt.Errorf("composer audit did not run: %w", execDetail(err))
	}
	stdout, err := run.Stdout(ctx)
	if err != nil {
		return nil, err
	}
	stderr, err := run.Stderr(ctx)
	if err != nil {
		return nil, err
	}
	return license.ParseAudit(license.AuditRun{Stdout: []byte(stdout), Stderr: []byte(stderr), ExitCode: code}, lock)
}

// thirdParty drops the repository's own packages (services/shared and the
// like, linked through composer path repositories): the audit and the
// license policy are about code written elsewhere.
func (p *Platform) thirdParty(lock *license.Lock) (*license.Lock, error) {
	graph, err := p.graph()
	if err != nil {
		return nil, err
	}
	own := map[string]bool{}
	for _, name := range graph.Packages {
		own[strings.ToLower(name)] = true
	}
	out := &license.Lock{}
	for _, pkg := range lock.Packages {
		if !own[strings.ToLower(pkg.Name)] {
			out.Packages = append(out.Packages, pkg)
		}
	}
	return out, nil
}

// snyk runs `snyk test` over the services' composer files, the token passed
// as a secret variable only; without a token the row is skipped, saying why.
func (p *Platform) snyk(ctx context.Context, services catalog.Catalog, o scanOptions) (string, error) {
	switch {
	case o.snykToken == nil:
		return "", skipped("no --snyk-token given")
	case len(services) == 0:
		return "", skipped("no service affected")
	}
	src := dag.Directory()
	for _, m := range services {
		dir := "services/" + m.Service
		src = src.WithDirectory(dir, p.Source.Directory(dir), dagger.DirectoryWithDirectoryOpts{Include: []string{"composer.json", "composer.lock"}})
	}
	_, err := dag.Container().From("snyk/snyk:"+versions.Snyk).
		WithSecretVariable("SNYK_TOKEN", o.snykToken).
		WithMountedDirectory(scanRepo, src).
		WithWorkdir(scanRepo).
		WithExec(snykArgs(o.severity)).
		Sync(ctx)
	if err != nil {
		return "", fmt.Errorf("snyk test: %w", execDetail(err))
	}
	return fmt.Sprintf("%d services tested", len(services)), nil
}

// snykArgs tests every composer project below the working directory and fails
// at the gate's threshold (Snyk's scale starts at low: it has no UNKNOWN).
func snykArgs(severity string) []string {
	t := strings.ToLower(cmp.Or(severity, trivy.DefaultThreshold.String()))
	if t == "unknown" {
		t = "low"
	}
	return []string{"snyk", "test", "--all-projects", "--severity-threshold=" + t}
}
