package conformance

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dagger/platform/trivy"
)

// trivyBin returns the pinned trivy of the security stage, or fails: a
// missing or different binary never skips the scan.
func trivyBin(t *testing.T) string {
	t.Helper()
	bin, err := trivy.PinnedBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestTrivyConfigClean scans every target in one trivy run (its start-up,
// loading the embedded checks, is most of the cost), one directory per target.
func TestTrivyConfigClean(t *testing.T) {
	bin := trivyBin(t)
	sets := map[string][]Object{}
	for _, tg := range Targets {
		sets[strings.NewReplacer("/", "_", "+", "_").Replace(tg.Name())] = rendered(t, tg)
	}
	for _, f := range trivyScan(t, bin, sets) {
		t.Error(f)
	}
}

// TestTrivyCatchesInsecureRollout proves the scan sees inside Rollouts and that
// the accepted findings do not hide the same finding elsewhere.
func TestTrivyCatchesInsecureRollout(t *testing.T) {
	bin := trivyBin(t)
	objs := rendered(t, Targets[2])
	ctr := at(t, find(t, objs, "Rollout", "bff"), "spec", "template", "spec", "containers", 0)
	at(t, ctr, "securityContext")["privileged"] = true
	assertReports(t, trivyScan(t, bin, map[string][]Object{"production": objs}), "KSV-0017")
}

// trivyScan runs the pinned scan on sets of objects, each in its own
// directory, and returns the findings.
func trivyScan(t *testing.T, bin string, sets map[string][]Object) []string {
	t.Helper()
	dir := t.TempDir()
	for name, objs := range sets {
		sub := filepath.Join(dir, name)
		if err := os.Mkdir(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := WriteForScan(sub, objs); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "report.json")
	args := trivy.ConfigArgs(trivy.Options{Target: dir, Output: out, CacheDir: t.TempDir()})
	if msg, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("trivy %v: %v\n%s", args, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if report, err := ParseTrivyReport(data); err != nil || report.Checked() == 0 {
		t.Fatalf("trivy ran no Kubernetes check on the rendered manifests (%v)", err)
	}
	return blocking(t, data)
}

// blocking applies the security stage's own policy (threshold HIGH and the
// accepted findings of security/trivyignore.json) to a report.
func blocking(t *testing.T, report []byte) []string {
	t.Helper()
	ignores, err := os.ReadFile(filepath.Join(root(t), trivy.IgnoreFilePath))
	if err != nil {
		t.Fatal(err)
	}
	policy, err := trivy.NewPolicy("HIGH", false, ignores, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	verdict, _, err := trivy.Decide(policy, report)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range verdict.Blocking {
		out = append(out, f.String())
	}
	for _, e := range verdict.Expired {
		out = append(out, e.String()+" has expired")
	}
	return out
}

