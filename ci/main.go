// The CI/CD pipeline of the AI Workflow Processing Platform.
//
// Seven PHP services live under services/, their Kubernetes manifests under
// infrastructure/. This module lints, tests, scans, builds, signs and delivers
// them. Functions, in pipeline order (each in the file named after its stage):
//
//	services       list the services found under services/              catalog.go
//	lint           PHPStan, Psalm, PHP-CS-Fixer, composer validate (check)  lint.go
//	test           unit suite + coverage gate, migrations, integration  test.go
//	test-reports   a service's JUnit and clover reports                 test.go
//	mutation       Infection with the MSI gate (check)                  mutation.go
//	scan           Trivy (source, manifests, image), composer audit,    scan.go
//	               license policy, Snyk with a token (check)
//	scan-reports   each Trivy scan's JSON, gate-filtered JSON and SARIF scan.go
//	pull-request   lint, test, mutation, scan for the affected services pullrequest.go
//	serve          one service with PostgreSQL and Redis, for local use serve.go
//
// Lint, test, mutation and test-reports also take the shared packages under
// services/ (e.g. --service=shared): their own suites run in the pull request
// whenever they or a package they require change.
//
// The fan-out (errgroup under --concurrency, a report row per service and
// stage) lives in pipeline.go and fanout.go; decisions with no Dagger in them
// (gates, affected services, report, config, catalog, trivy, license) in
// their own packages.
//
// Every function runs its steps in containers; nothing depends on the host but
// the source directory. Run `dagger functions` for the full list with arguments.
package main

import (
	"context"
	"fmt"
	"sync"

	"dagger/platform/config"
	"dagger/platform/internal/dagger"
)

//go:generate go run ./cmd/standins

// Platform is the pipeline, configured once for every stage.
type Platform struct {
	// Repository source tree (the module's root by default)
	Source *dagger.Directory
	// Registry host images are published to
	Registry string
	// Image namespace under the registry
	Namespace string
	// PHP minor version of every image
	PhpVersion string
	// Maximum number of steps in flight at once
	Concurrency int
	// Services found under services/, validated in New
	// +private
	Catalog []*Service
	// Shared packages under services/, checked like services
	// +private
	Libraries []*Service
	// The services/*/composer.json files read at discovery
	// +private
	ComposerFiles []*ComposerFile

	once  sync.Once  // guards cache
	cache *stepCache // containers evaluated during this call; never serialized
}

// New validates the options and discovers the services.
func New(
	ctx context.Context,
	// Repository root; .git, dependencies and build outputs are left out so
	// their churn never invalidates cached steps.
	// +defaultPath="/"
	// +ignore=[".git", "**/vendor", "**/node_modules", "**/build", "**/.phpunit.cache", "**/.phpunit.result.cache", "**/.php-cs-fixer.cache", "ci/internal", "ci/dagger.gen.go"]
	source *dagger.Directory,
	// Registry host images are published to, e.g. ghcr.io or 127.0.0.1:5000
	// +default="ghcr.io"
	registry string,
	// Image namespace under the registry
	// +default="ai-workflow-platform"
	namespace string,
	// PHP minor version of every image
	// +default="8.3"
	phpVersion string,
	// Maximum number of steps in flight at once
	// +default=4
	concurrency int,
) (*Platform, error) {
	p := &Platform{Source: source, Registry: registry, Namespace: namespace, PhpVersion: phpVersion, Concurrency: concurrency}
	if err := p.options().Validate(); err != nil {
		return nil, err
	}
	if err := p.discover(ctx); err != nil {
		return nil, fmt.Errorf("discover services: %w", err)
	}
	return p, nil
}

func (p *Platform) options() config.Options {
	return config.Options{Registry: p.Registry, Namespace: p.Namespace, PHPVersion: p.PhpVersion, Concurrency: p.Concurrency}
}
