package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"dagger/platform/catalog"
	"dagger/platform/qa"
)

// Lint runs composer validate, PHPStan, Psalm and PHP-CS-Fixer on each
// service, each with the service's own configuration, and fails naming every
// failing tool of every service.
// +check
func (p *Platform) Lint(
	ctx context.Context,
	// Services to lint (default: all)
	// +optional
	service []string,
	// Report findings as GitHub annotations (PHPStan and Psalm github formats)
	// +optional
	annotate bool,
) error {
	services, err := p.selectServices(service)
	if err != nil {
		return err
	}
	return p.eachService(ctx, services, "lint", func(ctx context.Context, m catalog.Manifest) (string, error) {
		return "", p.lint(ctx, m, annotate)
	})
}

// lint runs every tool from the same installed workspace, in parallel, so
// one failing tool never hides another's findings.
func (p *Platform) lint(ctx context.Context, m catalog.Manifest, annotate bool) error {
	ws, err := p.workspace(ctx, m)
	if err != nil {
		return err
	}
	checks := qa.LintChecks(annotate)
	errs := make([]error, len(checks))
	var wg sync.WaitGroup
	for i, c := range checks {
		wg.Go(func() {
			if _, err := ws.WithExec(c.Args).Sync(ctx); err != nil {
				errs[i] = fmt.Errorf("%s: %w", c.Tool, execDetail(err))
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
