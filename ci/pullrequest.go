package main

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"dagger/platform/affected"
	"dagger/platform/catalog"
	"dagger/platform/internal/dagger"
	"dagger/platform/report"
)

// PullRequestReport is the outcome of a pull-request run.
type PullRequestReport struct {
	// Which services ran, and why
	Scope string
	// Every service × stage result as an aligned text table
	Table string
	// The table and a mermaid gantt of stage timings, for a CI job summary
	Markdown string
	// One line per failed gate, e.g. "audit/test: line coverage 71.20% < 80.00%"
	Failures []string
}

// Check fails, naming every failed gate, when any gate of the run failed.
func (r *PullRequestReport) Check() error {
	if len(r.Failures) == 0 {
		return nil
	}
	return fmt.Errorf("%d gates failed:\n%s\n\n%s\n%s", len(r.Failures), strings.Join(r.Failures, "\n"), r.Scope, r.Table)
}

// Summary returns the Markdown report as a file, e.g. for $GITHUB_STEP_SUMMARY.
func (r *PullRequestReport) Summary() *dagger.File {
	return dag.Directory().WithNewFile("summary.md", r.Markdown).File("summary.md")
}

// PullRequest runs lint, test and mutation for the services a change affects
// (or all of them) and the security scan, in parallel, and reports every
// result. It fails if any gate failed, naming each (with --no-fail it returns
// the report instead, for a job summary, and `check` on it fails); with no
// affected service it passes and says why.
func (p *Platform) PullRequest(
	ctx context.Context,
	// Run every service, whatever changed
	// +optional
	all bool,
	// Changed paths, newline- or comma-separated, as CI computed them
	// +optional
	changed string,
	// Base tree to diff the source against, e.g. the target branch (a git URL or directory)
	// +optional
	base *dagger.Directory,
	// The repository's .git directory: with --diff-base, mutate only changed lines
	// +optional
	git *dagger.Directory,
	// Git ref the pull request targets, e.g. origin/main
	// +optional
	diffBase string,
	// Start no new step after the first failure (default: run everything and report all)
	// +optional
	failFast bool,
	// Minimum unit line coverage, in percent
	// +default=80
	minCoverage float64,
	// Minimum mutation score indicator, in percent
	// +default=70
	minMsi float64,
	// Snyk API token; without it the Snyk row is reported as skipped
	// +optional
	snykToken *dagger.Secret,
	// Return the report even when gates failed (then call check on it)
	// +optional
	noFail bool,
) (*PullRequestReport, error) {
	if err := checkDiffBase(diffBase, git); err != nil {
		return nil, err
	}
	services, scope, err := p.affectedServices(ctx, all, changed, base)
	if err != nil {
		return nil, err
	}
	var jobs []job
	for _, m := range services {
		jobs = append(jobs, p.serviceJobs(m, minCoverage, minMsi, diffBase, git)...)
	}
	// The scan at its defaults: Trivy over the whole repository whatever
	// changed (a secret or manifest can change anywhere), dependencies of the
	// affected services; Snyk only with a token, skipped with the reason otherwise.
	jobs = append(jobs, p.scanJobs(p.deployable(services), scanOptions{snykToken: snykToken})...)
	rep := p.runJobs(ctx, jobs, failFast)
	out := &PullRequestReport{Scope: scope, Table: rep.Table(), Markdown: "**Scope:** " + scope + "\n\n" + rep.Markdown()}
	for _, row := range rep.Rows() {
		if row.Status == report.Fail {
			out.Failures = append(out.Failures, row.Service+"/"+row.Stage+": "+row.Reason)
		}
	}
	if err := out.Check(); err != nil && !noFail {
		return nil, err
	}
	return out, nil
}

// serviceJobs are the pull-request stages of one service.
func (p *Platform) serviceJobs(m catalog.Manifest, minCoverage, minMsi float64, diffBase string, git *dagger.Directory) []job {
	return []job{
		{service: m.Service, stage: "lint", run: func(ctx context.Context) (string, error) {
			return "", p.lint(ctx, m, false)
		}},
		{service: m.Service, stage: "test", run: func(ctx context.Context) (string, error) {
			return "", p.test(ctx, m, minCoverage)
		}},
		{service: m.Service, stage: "mutation", run: func(ctx context.Context) (string, error) {
			return p.mutation(ctx, m, minMsi, diffBase, git)
		}},
	}
}

// affectedServices decides which services and shared packages run, and says
// why in one line.
func (p *Platform) affectedServices(ctx context.Context, all bool, changed string, base *dagger.Directory) (catalog.Catalog, string, error) {
	every := p.checkable()
	if all {
		return every, fmt.Sprintf("all %d services and shared packages (--all)", len(every)), nil
	}
	paths, given, err := p.changedPaths(ctx, changed, base)
	if err != nil || !given {
		return every, fmt.Sprintf("all %d services and shared packages: neither --changed nor --base was given", len(every)), err
	}
	graph, err := p.graph()
	if err != nil {
		return nil, "", err
	}
	res := graph.Affected(paths)
	names, scope := res.Services, res.Summary()
	if libs := graph.AffectedPackages(paths); len(libs) > 0 {
		for _, dir := range libs {
			names = append(names, path.Base(dir))
		}
		scope += "; shared packages changed: " + strings.Join(libs, ", ")
	}
	if len(names) == 0 {
		return nil, scope, nil
	}
	sel, err := every.Select(names)
	return sel, scope, err
}

// changedPaths reads the change from --changed, or diffs the source against
// --base. The source itself carries no .git (New ignores it so that history
// never invalidates cached steps), hence the explicit inputs.
func (p *Platform) changedPaths(ctx context.Context, changed string, base *dagger.Directory) ([]string, bool, error) {
	switch {
	case changed != "" && base != nil:
		return nil, false, fmt.Errorf("give --changed or --base, not both")
	case changed != "":
		paths, err := affected.ParseChangedPaths(changed)
		return paths, true, err
	case base == nil:
		return nil, false, nil
	}
	cs := p.Source.Changes(base)
	lists := make([][]string, 3)
	var eg errgroup.Group
	for i, get := range []func(context.Context) ([]string, error){cs.AddedPaths, cs.ModifiedPaths, cs.RemovedPaths} {
		eg.Go(func() (err error) {
			lists[i], err = get(ctx)
			return err
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, true, fmt.Errorf("diff the source against --base: %w", err)
	}
	return slices.Concat(lists...), true, nil
}
