package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"dagger/platform/catalog"
	"dagger/platform/internal/dagger"
)

// eachService runs one stage for every service through runJobs, the one
// fan-out (collect-all under the concurrency limit), and returns its joined
// "service/stage: reason" error: stages say what failed, this adds where.
func (p *Platform) eachService(ctx context.Context, services catalog.Catalog, stage string, fn func(context.Context, catalog.Manifest) (string, error)) error {
	jobs := make([]job, len(services))
	for i, m := range services {
		jobs[i] = job{service: m.Service, stage: stage, run: func(ctx context.Context) (string, error) { return fn(ctx, m) }}
	}
	return p.runJobs(ctx, jobs, false).Err()
}

// checkDiffBase rejects half of the changed-lines mutation inputs.
func checkDiffBase(diffBase string, git *dagger.Directory) error {
	if (diffBase == "") != (git == nil) {
		return fmt.Errorf("--diff-base and --git go together: give both to mutate changed lines only, or neither to mutate everything")
	}
	return nil
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
