package main

import (
	"context"
	"fmt"
	"path"

	"dagger/platform/catalog"
	"dagger/platform/gates"
	"dagger/platform/internal/dagger"
	"dagger/platform/qa"
)

// Mutation runs Infection on each service and gates on the MSI computed from
// its JSON log. With --diff-base and --git only lines changed since that ref
// are mutated, as on a pull request.
// +check
func (p *Platform) Mutation(
	ctx context.Context,
	// Services to mutate (default: all)
	// +optional
	service []string,
	// Minimum mutation score indicator, in percent
	// +default=70
	minMsi float64,
	// Git ref to diff against: only lines changed since it are mutated
	// +optional
	diffBase string,
	// The repository's .git directory, needed with --diff-base
	// +optional
	git *dagger.Directory,
) error {
	services, err := p.selectServices(service)
	if err != nil {
		return err
	}
	if err := checkDiffBase(diffBase, git); err != nil {
		return err
	}
	return p.eachService(ctx, services, "mutation", func(ctx context.Context, m catalog.Manifest) (string, error) {
		return p.mutation(ctx, m, minMsi, diffBase, git)
	})
}

// mutation returns a note (for example "no mutants") when it passes.
func (p *Platform) mutation(ctx context.Context, m catalog.Manifest, minMsi float64, diffBase string, git *dagger.Directory) (string, error) {
	ctr, err := p.workspace(ctx, m)
	if err != nil {
		return "", err
	}
	if git != nil {
		ctr = ctr.WithMountedDirectory(srcRoot+"/.git", git)
	}
	ctr = ctr.WithExec(qa.Mutation(2, diffBase), dagger.ContainerWithExecOpts{Expect: dagger.ReturnTypeAny})
	code, err := ctr.ExitCode(ctx)
	if err != nil {
		return "", fmt.Errorf("infection did not run: %w", execDetail(err))
	}
	stats, err := readReport(ctx, ctr, path.Join(srcRoot, "services", m.Service, qa.InfectionLog), gates.ParseInfection)
	if err != nil {
		return "", fmt.Errorf("infection (exit %d): %w", code, err)
	}
	if code != 0 {
		return "", fmt.Errorf("infection exited %d although it wrote its log: see its output", code)
	}
	return gates.CheckMSI(stats, minMsi)
}
