package main

import (
	"context"
	"fmt"
	"io"
	"path"
	"time"

	"dagger/platform/catalog"
	"dagger/platform/internal/dagger"
	"dagger/platform/trivy"
	"dagger/platform/versions"
)

// Paths in the scan containers (the source is not under srcRoot: it is no
// service's workspace), and the report row of repository-wide scans.
const (
	scanRepo, scanConfig, scanImage, scanOut = "/repo", "/config", "/image.tar", "/scan"
	trivyCacheDir, renderedDir               = "/cache/trivy", "/rendered"
	overlayGlob                              = "infrastructure/k8s/overlays/*/kustomization.yaml"
	repoService                              = "repository"
)

// scanSkipDirs are never scanned: fixtures plant findings on purpose, and
// installed dependencies are scanned through their lock files.
var scanSkipDirs = []string{"**/testdata", "**/vendor", "**/node_modules"}

// scanDay busts the cache of the DB-reading scans once a day (the DB changes
// daily; an unchanged tree must still meet new advisories). Tests fix it.
var scanDay = func() string { return time.Now().UTC().Format(time.DateOnly) }

// scanOptions are Scan's arguments, shared by its jobs.
type scanOptions struct {
	severity                    string
	ignoreUnfixed, skipDBUpdate bool
	image                       *dagger.Container
	snykToken                   *dagger.Secret
}

// Scan runs Trivy over the source tree (vulnerable composer.lock packages,
// secrets, licenses), the rendered Kubernetes overlays and every Dockerfile,
// and an image when given; then composer audit and the license policy for each
// service, and Snyk when a token is given. It fails naming every finding.
// +check
// +cache="session"
func (p *Platform) Scan(
	ctx context.Context,
	// Lowest severity that fails the gate: UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL
	// +default="HIGH"
	severity string,
	// Let vulnerabilities without a fixed version pass
	// +optional
	ignoreUnfixed bool,
	// Use the vulnerability DB already in the cache volume (air-gapped runners)
	// +optional
	skipDbUpdate bool,
	// Built image to scan for vulnerable OS and language packages
	// +optional
	image *dagger.Container,
	// Snyk API token; without it Snyk is skipped
	// +optional
	snykToken *dagger.Secret,
) error {
	o := scanOptions{severity: severity, ignoreUnfixed: ignoreUnfixed, skipDBUpdate: skipDbUpdate, image: image, snykToken: snykToken}
	return p.runJobs(ctx, p.scanJobs(p.catalog(), o), false).Err()
}

// ScanReports returns each Trivy scan's raw JSON report (<scan>.json), the
// findings the gate blocks on (<scan>.filtered.json) and their SARIF
// (<scan>.sarif, for code scanning), whatever the verdict.
// +cache="session"
func (p *Platform) ScanReports(
	ctx context.Context,
	// Lowest severity that fails the gate: UNKNOWN, LOW, MEDIUM, HIGH or CRITICAL
	// +default="HIGH"
	severity string,
	// Let vulnerabilities without a fixed version pass
	// +optional
	ignoreUnfixed bool,
	// Use the vulnerability DB already in the cache volume (air-gapped runners)
	// +optional
	skipDbUpdate bool,
	// Built image to scan for vulnerable OS and language packages
	// +optional
	image *dagger.Container,
) (*dagger.Directory, error) {
	res, err := p.decide(ctx, scanOptions{severity: severity, ignoreUnfixed: ignoreUnfixed, skipDBUpdate: skipDbUpdate, image: image})
	if err != nil {
		return nil, err
	}
	out := dag.Directory()
	for i, s := range res.scans {
		out = out.WithFile(s.name+".json", s.ctr.File(s.report())).
			WithNewFile(s.name+".filtered.json", string(res.filtered[i])).
			WithFile(s.name+".sarif", sarif(s.name, res.filtered[i]))
	}
	return out, nil
}

// scanJobs are the scan stage's report rows: Trivy and Snyk once for the
// repository, the dependency audit and license policy once per service.
func (p *Platform) scanJobs(services catalog.Catalog, o scanOptions) []job {
	jobs := []job{
		{service: repoService, stage: "scan", run: func(ctx context.Context) (string, error) { return p.trivyGate(ctx, o) }},
		{service: repoService, stage: "snyk", run: func(ctx context.Context) (string, error) { return p.snyk(ctx, services, o) }},
	}
	for _, m := range services {
		jobs = append(jobs, job{service: m.Service, stage: "scan", run: func(ctx context.Context) (string, error) {
			return p.scanDependencies(ctx, m)
		}})
	}
	return jobs
}

// trivyScan is one Trivy run (source, config or image, the report files'
// base name) and the container whose last exec wrote its report.
type trivyScan struct {
	name string
	ctr  *dagger.Container
}

func (s trivyScan) report() string { return path.Join(scanOut, s.name+".json") }

// scanResult is the verdict and one filtered report per scan, for SARIF.
type scanResult struct {
	scans    []trivyScan
	verdict  trivy.Verdict
	filtered [][]byte
}

// trivyGate is the verdict, computed here from the JSON reports.
func (p *Platform) trivyGate(ctx context.Context, o scanOptions) (string, error) {
	res, err := p.decide(ctx, o)
	if err != nil {
		return "", err
	}
	v := res.verdict
	if err := v.Err(); err != nil {
		return "", err
	}
	return fmt.Sprintf("nothing at or above %s (%d below, %d ignored, %d unfixed)", v.Threshold, len(v.Below), len(v.Ignored), len(v.Unfixed)), nil
}

// decide runs every scan, reads the reports (failing closed) and applies the
// policy. The scans share a LOCKED cache, so they are read one by one.
func (p *Platform) decide(ctx context.Context, o scanOptions) (*scanResult, error) {
	policy, err := p.trivyPolicy(ctx, o)
	if err != nil {
		return nil, err
	}
	res := &scanResult{}
	if res.scans, err = p.trivyScans(ctx, o); err != nil {
		return nil, err
	}
	raw := make([][]byte, len(res.scans))
	for i, s := range res.scans {
		if _, err := s.ctr.Sync(ctx); err != nil { // says which step failed: kustomize, trivy, the DB download
			return nil, fmt.Errorf("%s scan: %w", s.name, execDetail(err))
		}
		if raw[i], err = readReport(ctx, s.ctr, s.report(), trivyReport); err != nil {
			return nil, err
		}
	}
	res.verdict, res.filtered, err = trivy.Decide(policy, raw...)
	return res, err
}

// trivyReport keeps a report's bytes once it has proved to be one.
func trivyReport(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	_, err = trivy.ParseReport(data)
	return data, err
}

// trivyPolicy reads the ignore file from the source: none means no ignores,
// a malformed one is an error, never a laxer gate.
func (p *Platform) trivyPolicy(ctx context.Context, o scanOptions) (trivy.Policy, error) {
	ok, err := p.Source.Exists(ctx, trivy.IgnoreFilePath)
	if err != nil {
		return trivy.Policy{}, fmt.Errorf("look for %s: %w", trivy.IgnoreFilePath, err)
	}
	data := `{"ignores": []}` // no ignore file accepts nothing
	if ok {
		if data, err = p.Source.File(trivy.IgnoreFilePath).Contents(ctx); err != nil {
			return trivy.Policy{}, fmt.Errorf("read %s: %w", trivy.IgnoreFilePath, err)
		}
	}
	return trivy.NewPolicy(o.severity, o.ignoreUnfixed, []byte(data), time.Now())
}

// trivyScans are the source, configuration and (when given) image scans,
// each branching from one Trivy container so that each caches on its input.
func (p *Platform) trivyScans(ctx context.Context, o scanOptions) ([]trivyScan, error) {
	config, err := p.configTree(ctx)
	if err != nil {
		return nil, err
	}
	base := trivyImage().
		WithMountedCache(trivyCacheDir, dag.CacheVolume("platform-trivy-cache"), dagger.ContainerWithMountedCacheOpts{Sharing: dagger.CacheSharingModeLocked})
	daily := base.WithEnvVariable("PLATFORM_SCAN_DAY", scanDay())
	scans := []trivyScan{
		{"source", daily.WithMountedDirectory(scanRepo, p.Source).WithExec(trivyArgv(trivy.FSArgs(o.trivyOptions("source", scanRepo))))},
		{"config", base.WithMountedDirectory(scanConfig, config).WithExec(trivyArgv(trivy.ConfigArgs(o.trivyOptions("config", scanConfig))))},
	}
	if o.image != nil {
		img := o.trivyOptions("image", scanImage)
		img.Tarball, img.SkipDirs = true, nil
		scans = append(scans, trivyScan{"image", daily.WithMountedFile(scanImage, o.image.AsTarball()).WithExec(trivyArgv(trivy.ImageArgs(img)))})
	}
	return scans, nil
}

func (o scanOptions) trivyOptions(name, target string) trivy.Options {
	return trivy.Options{Target: target, Output: path.Join(scanOut, name+".json"), CacheDir: trivyCacheDir,
		SkipDBUpdate: o.skipDBUpdate, SkipDirs: scanSkipDirs}
}

func trivyImage() *dagger.Container { return dag.Container().From("aquasec/trivy:" + versions.Trivy) }

func trivyArgv(args []string) []string { return append([]string{trivy.Binary}, args...) }

// configTree is what the misconfiguration scan reads: every overlay rendered
// by kustomize (raw overlays and patches give false findings), the plain
// manifests of infrastructure/ outside k8s/, and every Dockerfile. No overlay to render is an error, never an empty clean scan.
// Each overlay is built through a wrapper (scanKustomization) that turns its
// Rollouts into the Deployments they stand for: Trivy has no checks for
// custom kinds, and would otherwise skip every pod template.
func (p *Platform) configTree(ctx context.Context) (*dagger.Directory, error) {
	overlays, err := p.Source.Glob(ctx, overlayGlob)
	if err != nil || len(overlays) == 0 {
		return nil, fmt.Errorf("no kustomize overlay matches %s to render and scan (%v)", overlayGlob, err)
	}
	render := dag.Container().From("registry.k8s.io/kustomize/kustomize:"+versions.Kustomize).
		WithMountedDirectory(scanRepo+"/infrastructure", p.Source.Directory("infrastructure")).
		WithWorkdir(scanRepo).
		WithDirectory(renderedDir, dag.Directory())
	for _, k := range overlays {
		wrapper := path.Join("scan", path.Base(path.Dir(k)))
		render = render.WithNewFile(path.Join(scanRepo, wrapper, "kustomization.yaml"), scanKustomization(path.Dir(k))).
			WithExec(kustomizeBuild(wrapper))
	}
	return dag.Directory().
		WithDirectory("rendered", render.Directory(renderedDir)).
		// Plain manifests (Argo CD, the CI engines) are scanned as committed.
		WithDirectory("infrastructure", p.Source.Directory("infrastructure"), dagger.DirectoryWithDirectoryOpts{Exclude: []string{"k8s"}}).
		WithDirectory(".", p.Source, dagger.DirectoryWithDirectoryOpts{Include: []string{"**/Dockerfile", "**/*.Dockerfile", "**/Dockerfile.*"}, Exclude: scanSkipDirs}), nil
}

// scanKustomization renders overlay (from scan/<name>/) with each Rollout
// as a Deployment, as the conformance tests scan it.
func scanKustomization(overlay string) string {
	return "resources:\n  - ../../" + overlay + "\n" + `patches:
  - target:
      kind: Rollout
    options:
      allowKindChange: true
    patch: |-
      - {op: replace, path: /kind, value: Deployment}
      - {op: replace, path: /apiVersion, value: apps/v1}
`
}

// kustomizeBuild renders one kustomization to renderedDir/<name>.yaml.
func kustomizeBuild(overlay string) []string {
	return []string{"kustomize", "build", overlay, "--output", path.Join(renderedDir, path.Base(overlay)+".yaml")}
}

// sarif converts a filtered report: the SARIF then holds exactly what the gate blocks on.
func sarif(name string, filtered []byte) *dagger.File {
	in, out := path.Join(scanOut, name+".filtered.json"), path.Join(scanOut, name+".sarif")
	return trivyImage().WithNewFile(in, string(filtered)).WithExec(trivyArgv(trivy.ConvertSARIFArgs(in, out))).File(out)
}
