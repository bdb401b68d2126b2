package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dagger/platform/daggertest"
	"dagger/platform/trivy"
	"dagger/platform/versions"
)

// Plans must not depend on the day they are recorded.
func init() { scanDay = func() string { return "2026-01-01" } }

var ctx = context.Background()

// scanFixture is a real trivy v0.74.0 report under testdata/scan, made with
// the ci/trivy constructors' argv from the ci/trivy real-test fixtures.
func scanFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "scan", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// wantOptions are the options the stage must pass to the ci/trivy constructors.
func wantOptions(name, target string) trivy.Options {
	return trivy.Options{Target: target, Output: "/scan/" + name + ".json", CacheDir: "/cache/trivy",
		SkipDirs: []string{"**/testdata", "**/vendor", "**/node_modules"}}
}

// onlyTrivy returns the one container that ran argv, prefixed with the binary.
func onlyTrivy(t *testing.T, eng *daggertest.Engine, args []string) *daggertest.Container {
	t.Helper()
	ctrs := execWith(eng, append([]string{"trivy"}, args...))
	if len(ctrs) != 1 {
		t.Fatalf("want one container running trivy %s, got %d", strings.Join(args, " "), len(ctrs))
	}
	return ctrs[0]
}

func TestScanRunsPinnedTrivyWithSharedConstructorsAndCachedDB(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Scan(ctx, "HIGH", false, true, dag.Container().From("ghcr.io/acme/app:1"), nil); err != nil {
		t.Fatal(err)
	}
	source, config, image := wantOptions("source", "/repo"), wantOptions("config", "/config"), wantOptions("image", "/image.tar")
	source.SkipDBUpdate, image.SkipDBUpdate, image.Tarball, image.SkipDirs = true, true, true, nil
	for _, args := range [][]string{trivy.FSArgs(source), trivy.ConfigArgs(config), trivy.ImageArgs(image)} {
		c := onlyTrivy(t, eng, args)
		if c.Image != "aquasec/trivy:"+versions.Trivy {
			t.Errorf("trivy %s runs in %s, want aquasec/trivy:%s", args[0], c.Image, versions.Trivy)
		}
		m, ok := c.Mount("/cache/trivy")
		if !ok || m.Kind != "cache" || m.Cache != "platform-trivy-cache" || m.Sharing != "LOCKED" {
			t.Errorf("trivy %s: DB cache mount = %+v, want cache platform-trivy-cache LOCKED at /cache/trivy", args[0], m)
		}
	}
	tarball, ok := onlyTrivy(t, eng, trivy.ImageArgs(image)).Mount("/image.tar")
	if !ok || tarball.Source == nil || tarball.Source.Field != "asTarball" {
		t.Errorf("the image is not mounted as its tarball: %+v", tarball)
	}
	if !strings.Contains(strings.Join(trivy.FSArgs(source), " "), "--skip-db-update") {
		t.Errorf("--skip-db-update did not reach the scan")
	}
}

func TestScanRendersEveryOverlayWithPinnedKustomize(t *testing.T) {
	p, eng := repoPlatform(t)
	if err := p.Scan(ctx, "HIGH", false, false, nil, nil); err != nil {
		t.Fatal(err)
	}
	m, _ := onlyTrivy(t, eng, trivy.ConfigArgs(wantOptions("config", "/config"))).Mount("/config")
	plan := eng.Render(m.Source)
	overlays, _ := filepath.Glob("../infrastructure/k8s/overlays/*/kustomization.yaml")
	if len(overlays) == 0 {
		t.Fatal("no overlay in the repository")
	}
	for _, k := range overlays {
		name := filepath.Base(filepath.Dir(k))
		for _, want := range []string{`path="/repo/scan/` + name + `/kustomization.yaml"`, "../../infrastructure/k8s/overlays/" + name,
			`["kustomize", "build", "scan/` + name + `", "--output", "/rendered/` + name + `.yaml"]`} {
			if !strings.Contains(plan, want) {
				t.Errorf("overlay %s is not rendered through its scan wrapper (%s):\n%s", name, want, plan)
			}
		}
	}
	for _, want := range []string{`from address="registry.k8s.io/kustomize/kustomize:` + versions.Kustomize + `"`, `"**/Dockerfile"`, `exclude=["**/testdata"`,
		"kind: Rollout", "allowKindChange: true", "value: Deployment"} {
		if !strings.Contains(plan, want) {
			t.Errorf("config tree lacks %s:\n%s", want, plan)
		}
	}
}

// TestScanPinsAreTheTestedTools fails, never skips, without TRIVY_BIN: the
// image tag is only trusted because the real tests ran that very version.
func TestScanPinsAreTheTestedTools(t *testing.T) {
	// The plan tests prove the image is aquasec/trivy:<versions.Trivy>; this
	// proves the binary the real tests ran is that version, with their check.
	if _, err := trivy.PinnedBinary(); err != nil {
		t.Fatal(err)
	}
	// kustomize v5.8.1 is built on kustomize/api v0.21.1: the conformance tests' renderer.
	gomod, err := os.ReadFile("../go.mod")
	if err != nil || versions.Kustomize != "v5.8.1" || !regexp.MustCompile(`sigs.k8s.io/kustomize/api v0.21.1\b`).Match(gomod) {
		t.Errorf("kustomize image %s and the conformance renderer (../go.mod) drifted apart; update both together (%v)", versions.Kustomize, err)
	}
}

func TestScanReportsExportsJSONFilteredAndSARIF(t *testing.T) {
	p, eng := repoPlatform(t)
	eng.FileContents("/scan/config.json", scanFixture(t, "misconfig-config.json"))
	dir, err := p.ScanReports(ctx, "HIGH", false, false, nil)
	if err != nil {
		t.Fatalf("reports must come back whatever the verdict: %v", err)
	}
	id, err := dir.ID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*daggertest.Node{}
	for _, n := range eng.Lookup(string(id)).Chain() {
		if n.Field == "withFile" || n.Field == "withNewFile" {
			files[n.Args.String("path")] = n
		}
	}
	for _, name := range []string{"source", "config"} {
		for _, f := range []string{name + ".json", name + ".filtered.json", name + ".sarif"} {
			if files[f] == nil {
				t.Errorf("%s is not exported", f)
			}
		}
		convert := append([]string{"trivy"}, trivy.ConvertSARIFArgs("/scan/"+name+".filtered.json", "/scan/"+name+".sarif")...)
		if got := eng.RenderInline(files[name+".sarif"]); !strings.Contains(got, quoted(convert)) {
			t.Errorf("%s.sarif is not converted from the filtered report with ConvertSARIFArgs:\n%s", name, got)
		}
	}
	filtered, err := trivy.ParseReport([]byte(files["config.filtered.json"].Args.String("contents")))
	if err != nil || len(filtered.Findings) != 4 {
		t.Errorf("config.filtered.json must hold exactly the 4 blocking findings: %v", err)
	}
}

func quoted(argv []string) string {
	q := make([]string, len(argv))
	for i, a := range argv {
		q[i] = `"` + a + `"`
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func TestScanSnykTokenTravelsAsSecretOnly(t *testing.T) {
	p, eng := repoPlatform(t)
	const token = "snyk-0123456789-not-a-real-token"
	if err := p.Scan(ctx, "HIGH", false, false, nil, dag.SetSecret("snyk-token", token)); err != nil {
		t.Fatal(err)
	}
	ctrs := execWith(eng, snykArgs("HIGH"))
	if len(ctrs) != 1 || ctrs[0].Image != "snyk/snyk:"+versions.Snyk {
		t.Fatalf("want snyk test run once in snyk/snyk:%s, got %d", versions.Snyk, len(ctrs))
	}
	ex := ctrs[0].Execs[len(ctrs[0].Execs)-1]
	if ex.Secrets["SNYK_TOKEN"] != "snyk-token" {
		t.Errorf("SNYK_TOKEN secret = %q, want the secret named snyk-token", ex.Secrets["SNYK_TOKEN"])
	}
	if _, plain := ex.Env["SNYK_TOKEN"]; plain || slices.Contains(ex.Args, token) {
		t.Errorf("the token is in plain env or argv")
	}
	if leaks := eng.Leaks(token); len(leaks) != 0 {
		t.Errorf("the token's value reached the engine outside setSecret:\n%s", strings.Join(leaks, "\n"))
	}
}

func TestScanGateFailsClosedAndNamesTheFinding(t *testing.T) {
	expired := `{"ignores": [{"id": "KSV-0014", "reason": "was fine", "expires": "2020-01-31"}]}`
	gpl := `{"packages": [{"name": "platform/shared", "license": ["proprietary"]}, {"name": "acme/copyleft", "version": "1.0.0", "license": ["GPL-3.0-only"]}]}`
	advisory := `{"advisories": {"acme/xml": [{"advisoryId": "PKSA-1", "packageName": "acme/xml", "affectedVersions": "<2.0", "title": "XXE", "cve": "CVE-2099-7"}]}}`
	tests := []struct {
		name          string
		ignoreUnfixed bool
		setup         func(*testing.T, *daggertest.Engine)
		want          []string
		not           string
	}{
		{name: "misconfiguration", setup: canned("/scan/config.json", "misconfig-config.json"),
			want: []string{"repository/scan: ", "misconfiguration KSV-0014 in deployment.yaml (HIGH)"}},
		{name: "vulnerable lock", setup: canned("/scan/source.json", "vulnerable-source.json"),
			want: []string{"CVE-2099-10001", "CVE-2099-10002"}},
		{name: "ignore unfixed", ignoreUnfixed: true, setup: canned("/scan/source.json", "vulnerable-source.json"),
			want: []string{"CVE-2099-10001"}, not: "CVE-2099-10002"},
		{name: "missing report", setup: func(t *testing.T, e *daggertest.Engine) {
			e.Fail(func(c *daggertest.Call) bool {
				return c.Field == "contents" && c.Target.Args.String("path") == "/scan/source.json"
			}, "no such file")
		}, want: []string{"report /scan/source.json is missing"}},
		{name: "malformed report", setup: text("/scan/config.json", `{"SchemaVersion": 2, "Results": [`),
			want: []string{"report /scan/config.json: "}},
		{name: "expired ignore entry", setup: func(t *testing.T, e *daggertest.Engine) {
			canned("/scan/config.json", "misconfig-config.json")(t, e)
			text("security/trivyignore.json", expired)(t, e)
		}, want: []string{"KSV-0014", "2020-01-31"}},
		{name: "malformed ignore file", setup: text("security/trivyignore.json", `{"ignores": [{"id": "X"}]}`),
			want: []string{"security/trivyignore.json"}},
		{name: "denied license", setup: text("services/audit/composer.lock", gpl),
			want: []string{"audit/scan: ", "acme/copyleft", "GPL-3.0-only"}, not: "platform/shared"},
		{name: "advisory", setup: func(t *testing.T, e *daggertest.Engine) {
			e.OnExecWhere(func(x daggertest.Exec) bool {
				return workdirOf(x) == "bff" && strings.Contains(strings.Join(x.Args, " "), "composer audit")
			}, daggertest.ExecResult{ExitCode: 1, Stdout: advisory})
		}, want: []string{"bff/scan: ", "acme/xml", "CVE-2099-7"}},
		{name: "audit printed nothing for third-party packages", setup: text("services/bff/composer.lock", gpl),
			want: []string{"bff/scan: ", "composer audit printed no JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, eng := repoPlatform(t)
			tt.setup(t, eng)
			err := p.Scan(ctx, "HIGH", tt.ignoreUnfixed, false, nil, nil)
			if err == nil {
				t.Fatal("the scan passed")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not say %q:\n%v", w, err)
				}
			}
			if tt.not != "" && strings.Contains(err.Error(), tt.not) {
				t.Errorf("error names %q, which the policy lets through:\n%v", tt.not, err)
			}
		})
	}
}

func canned(file, fixture string) func(*testing.T, *daggertest.Engine) {
	return func(t *testing.T, e *daggertest.Engine) { e.FileContents(file, scanFixture(t, fixture)) }
}

func text(file, contents string) func(*testing.T, *daggertest.Engine) {
	return func(t *testing.T, e *daggertest.Engine) { e.FileContents(file, contents) }
}

func TestScanWithoutIgnoreFileAcceptsNothing(t *testing.T) {
	p, eng := repoPlatform(t)
	eng.Answer(func(c *daggertest.Call) bool {
		return c.Field == "exists" && c.Args.String("path") == trivy.IgnoreFilePath
	}, false)
	if err := p.Scan(ctx, "HIGH", false, false, nil, nil); err != nil {
		t.Fatalf("clean reports without an ignore file: %v", err)
	}
	canned("/scan/config.json", "misconfig-config.json")(t, eng)
	if err := p.Scan(ctx, "HIGH", false, false, nil, nil); err == nil || !strings.Contains(err.Error(), "KSV-0014") {
		t.Fatalf("err = %v", err)
	}
}

func TestPullRequestReportsTheScanRows(t *testing.T) {
	for _, changed := range []string{"services/audit/src/Log.php", "infrastructure/k8s/base/kustomization.yaml"} {
		p, _ := repoPlatform(t)
		rep, err := p.PullRequest(ctx, false, changed, nil, nil, "", false, 80, 70, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		rows := map[string]string{}
		for _, line := range strings.Split(rep.Table, "\n") {
			if f := strings.Fields(line); len(f) >= 3 {
				rows[f[0]+"/"+f[1]] = strings.Join(f[2:], " ")
			}
		}
		if !strings.HasPrefix(rows["repository/scan"], "pass") {
			t.Errorf("%s: repository/scan row = %q\n%s", changed, rows["repository/scan"], rep.Table)
		}
		if !strings.HasPrefix(rows["repository/snyk"], "skipped") || !strings.Contains(rows["repository/snyk"], "no --snyk-token given") {
			t.Errorf("%s: repository/snyk row = %q\n%s", changed, rows["repository/snyk"], rep.Table)
		}
		if service := strings.HasPrefix(changed, "services/"); service != strings.HasPrefix(rows["audit/scan"], "pass") {
			t.Errorf("%s: audit/scan row = %q\n%s", changed, rows["audit/scan"], rep.Table)
		}
	}
}

func TestPullRequestRunsSnykWithAToken(t *testing.T) {
	p, eng := repoPlatform(t)
	const token = "snyk-pr-0123456789-not-a-real-token"
	rep, err := p.PullRequest(ctx, false, "services/audit/src/Log.php", nil, nil, "", false, 80, 70, dag.SetSecret("snyk-token", token), false)
	if err != nil {
		t.Fatal(err)
	}
	if !regexpRow(rep.Table, "repository", "snyk") || strings.Contains(rep.Table, "no --snyk-token given") {
		t.Errorf("with a token the Snyk row must run:\n%s", rep.Table)
	}
	ctrs := execWith(eng, snykArgs("HIGH"))
	if len(ctrs) != 1 || ctrs[0].Execs[len(ctrs[0].Execs)-1].Secrets["SNYK_TOKEN"] != "snyk-token" {
		t.Fatalf("snyk did not run once with SNYK_TOKEN from the secret: %d runs", len(ctrs))
	}
	if leaks := eng.Leaks(token); len(leaks) != 0 {
		t.Errorf("the token left its secret: %v", leaks)
	}
}

func TestScanNamesTheFailingStep(t *testing.T) {
	p, eng := repoPlatform(t)
	eng.OnExec(daggertest.ArgvContains("kustomize build scan/staging"), daggertest.ExecResult{ExitCode: 1, Stderr: "accumulating resources: missing base"})
	err := p.Scan(ctx, "HIGH", false, false, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "repository/scan: config scan: exit code 1") || !strings.Contains(err.Error(), "missing base") {
		t.Fatalf("err = %v", err)
	}
}
