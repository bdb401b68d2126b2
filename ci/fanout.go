package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"

	"dagger/platform/catalog"
)

// forEach runs fn for every service, at most Concurrency at a time, and
// collects every failure (it does not stop at the first) into one error, each
// line prefixed with its service: stages say what failed, this adds where.
func (p *Platform) forEach(ctx context.Context, services catalog.Catalog, stage string, fn func(context.Context, catalog.Manifest) error) error {
	errs := make([]error, len(services))
	var eg errgroup.Group
	eg.SetLimit(p.Concurrency)
	for i, m := range services {
		eg.Go(func() error {
			if err := fn(ctx, m); err != nil {
				errs[i] = fmt.Errorf("%s/%s: %w", m.Service, stage, err)
			}
			return nil
		})
	}
	_ = eg.Wait()
	return errors.Join(errs...)
}

// execDetail turns an exec failure into "exit code N" and the tail of its
// output, which is what a developer needs to act; other errors pass through.
func execDetail(err error) error {
	var ee *ExecError
	if !errors.As(err, &ee) {
		return err
	}
	out := strings.TrimSpace(tail(ee.Stdout, 15) + "\n" + tail(ee.Stderr, 15))
	if out == "" {
		return fmt.Errorf("exit code %d", ee.ExitCode)
	}
	return fmt.Errorf("exit code %d:\n%s", ee.ExitCode, out)
}

// tail keeps the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
