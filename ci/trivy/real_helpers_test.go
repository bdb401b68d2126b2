package trivy

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pinnedTrivy returns the pinned binary or fails the test.
func pinnedTrivy(t *testing.T) string {
	t.Helper()
	bin, err := PinnedBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// offlineCache returns a cache dir holding the fixture vulnerability DB
// (testdata/vulndb), so DB-reading scans run here with --skip-db-update.
func offlineCache(t *testing.T) string {
	t.Helper()
	gz, err := os.ReadFile("testdata/vulndb/trivy.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	var db bytes.Buffer
	if _, err := db.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	now := time.Now().UTC().Format(time.RFC3339)
	meta := `{"Version": 2, "NextUpdate": "` + now + `", "UpdatedAt": "` + now + `", "DownloadedAt": "` + now + `"}`
	writeFile(t, filepath.Join(cache, "db", "trivy.db"), db.String())
	writeFile(t, filepath.Join(cache, "db", "metadata.json"), meta)
	return cache
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runTrivy runs argv with the pinned binary in an empty working directory and
// without TRIVY_* variables, so that nothing but the argv configures it.
func runTrivy(t *testing.T, bin string, args []string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TRIVY_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	out, err := cmd.CombinedOutput()
	t.Logf("trivy %s\n%s", strings.Join(args, " "), out)
	if err != nil {
		t.Fatalf("trivy %s: %v", strings.Join(args, " "), err)
	}
}

// realScan is one real run of the stage's sequence: scan argv to JSON, parse,
// gate, filter, convert the filtered JSON to SARIF, validate the SARIF and
// check that it holds exactly the gate's blocking findings. It returns the
// report, the verdict and the directory holding the JSON and SARIF files.
func realScan(t *testing.T, build func(Options) []string, o Options, p Policy) (*Report, Verdict, string) {
	t.Helper()
	bin := pinnedTrivy(t)
	out := t.TempDir()
	o.Output = filepath.Join(out, "report.json")
	runTrivy(t, bin, build(o))
	raw, err := os.ReadFile(o.Output)
	if err != nil {
		t.Fatalf("scan wrote no report: %v", err)
	}
	r, err := ParseReport(raw)
	if err != nil {
		t.Fatalf("ParseReport(real report): %v\n%s", err, raw)
	}
	v, filtered, err := Decide(p, raw) // the stage's decision, as the stage calls it
	if err != nil {
		t.Fatal(err)
	}
	checkSARIF(t, bin, out, filtered[0], len(r.Findings), v)
	return r, v, out
}

func checkSARIF(t *testing.T, bin, dir string, filtered []byte, found int, v Verdict) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "filtered.json"), string(filtered))
	sarif := convertSARIF(t, bin, filepath.Join(dir, "filtered.json"))
	if err := CheckSARIFAgrees(sarif, v.Blocking); err != nil {
		t.Fatal(err)
	}
	// Converting the raw report instead is the trivy-action trap: whenever the
	// policy set a finding aside, that SARIF disagrees with the gate.
	if found != len(v.Blocking) {
		raw := convertSARIF(t, bin, filepath.Join(dir, "report.json"))
		if CheckSARIFAgrees(raw, v.Blocking) == nil {
			t.Fatal("SARIF of the unfiltered report agrees with the gate although the policy set findings aside")
		}
	}
}

// convertSARIF runs the stage's convert argv and validates its SARIF.
func convertSARIF(t *testing.T, bin, jsonReport string) []byte {
	t.Helper()
	out := strings.TrimSuffix(jsonReport, ".json") + ".sarif"
	runTrivy(t, bin, ConvertSARIFArgs(jsonReport, out))
	sarif, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("convert wrote no SARIF: %v", err)
	}
	if err := ValidateSARIF(sarif); err != nil {
		t.Fatalf("real SARIF is invalid: %v\n%s", err, sarif)
	}
	return sarif
}
