package trivy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeAWSCredentials returns an obviously fake AWS key pair, assembled at run
// time so that no credential-shaped string is committed (push protection).
func fakeAWSCredentials() (file, keyID, secret string) {
	keyID = "AKIA" + strings.Repeat("Q", 8) + "FAKE" + "7777"
	secret = strings.Repeat("fAkE", 9) + "0000"
	return "[default]\naws_access_key_id = " + keyID + "\naws_secret_access_key = " + secret + "\n", keyID, secret
}

func TestRealSecretIsFound(t *testing.T) {
	tree := t.TempDir()
	file, keyID, secret := fakeAWSCredentials()
	writeFile(t, filepath.Join(tree, "services", "bff", "config", "credentials"), file)
	o := Options{Target: tree, CacheDir: offlineCache(t), SkipDBUpdate: true}
	_, v, out := realScan(t, FSArgs, o, Policy{Threshold: High})
	assertNoLeak(t, out, keyID, secret)
	want := "secret aws-access-key-id CRITICAL, secret aws-secret-access-key CRITICAL"
	if got := ids(v.Blocking); got != want {
		t.Fatalf("blocking: got %s, want %s", got, want)
	}
	err := v.Err()
	if err == nil || !strings.Contains(err.Error(), "secret aws-access-key-id in services/bff/config/credentials (CRITICAL)") {
		t.Fatalf("gate error does not name the secret: %v", err)
	}
}

func TestRealVulnerableLock(t *testing.T) {
	ignore := `{"id": "CVE-2099-10001", "reason": "fixture: not reachable", "expires": "2999-12-31", "paths": ["composer.lock"]}`
	tests := []struct {
		name     string
		policy   Policy
		blocking string
	}{
		{"HIGH", Policy{Threshold: High}, "vulnerability CVE-2099-10002 CRITICAL, vulnerability CVE-2099-10001 HIGH"},
		{"ignore unfixed", Policy{Threshold: High, IgnoreUnfixed: true}, "vulnerability CVE-2099-10001 HIGH"},
		{"LOW", Policy{Threshold: Low},
			"vulnerability CVE-2099-10002 CRITICAL, vulnerability CVE-2099-10001 HIGH, vulnerability CVE-2099-10003 LOW, license MIT LOW"},
		{"ignored and unfixed", Policy{Threshold: High, IgnoreUnfixed: true, Ignores: ignoreFile(t, ignore)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Target: fixture(t, "vulnerable"), CacheDir: offlineCache(t), SkipDBUpdate: true}
			_, v, _ := realScan(t, FSArgs, o, tt.policy)
			if got := ids(v.Blocking); got != tt.blocking {
				t.Fatalf("blocking:\n got %s\nwant %s", got, tt.blocking)
			}
		})
	}
}

// TestRealMisconfigurationsAreFound scans a bare Deployment (no securityContext,
// no resources) and a Dockerfile that runs as root.
func TestRealMisconfigurationsAreFound(t *testing.T) {
	r, v, _ := realScan(t, ConfigArgs, Options{Target: fixture(t, "misconfig"), CacheDir: t.TempDir()}, Policy{Threshold: High})
	if len(r.Findings) < 15 {
		t.Errorf("bare Deployment: %d misconfigurations, want at least 15: %s", len(r.Findings), ids(r.Findings))
	}
	all := ids(r.Findings)
	for _, limit := range []string{"KSV-0011 LOW", "KSV-0018 LOW", "KSV-0012 MEDIUM"} { // CPU, memory limits; root
		if !strings.Contains(all, "misconfiguration "+limit) {
			t.Errorf("bare Deployment: %s not reported in %s", limit, all)
		}
	}
	want := "misconfiguration DS-0002 HIGH, misconfiguration KSV-0014 HIGH, misconfiguration KSV-0118 HIGH, misconfiguration KSV-0118 HIGH"
	if got := ids(v.Blocking); got != want {
		t.Errorf("blocking at HIGH:\n got %s\nwant %s", got, want)
	}
	err := v.Err()
	if err == nil || !strings.Contains(err.Error(), "misconfiguration KSV-0014 in deployment.yaml (HIGH)") {
		t.Fatalf("gate error does not name the read-only root filesystem check: %v", err)
	}
}

func TestRealExpiredIgnoreFailsTheGate(t *testing.T) {
	expired := ignoreFile(t, `{"id": "KSV-0014", "reason": "fixture", "expires": "2020-01-01"}`)
	_, v, _ := realScan(t, ConfigArgs, Options{Target: fixture(t, "clean"), CacheDir: t.TempDir()},
		Policy{Threshold: High, Ignores: expired, Now: time.Now()})
	if err := v.Err(); err == nil || !strings.Contains(err.Error(), "ignore entry KSV-0014 (expires 2020-01-01") {
		t.Fatalf("expired entry did not fail the gate by name: %v", err)
	}
}

func TestRealCleanFixturePasses(t *testing.T) {
	cache := offlineCache(t)
	for name, build := range map[string]func(Options) []string{"fs": FSArgs, "config": ConfigArgs} {
		t.Run(name, func(t *testing.T) {
			o := Options{Target: fixture(t, "clean"), CacheDir: cache, SkipDBUpdate: true}
			r, v, _ := realScan(t, build, o, Policy{Threshold: High})
			if err := v.Err(); err != nil {
				t.Fatalf("clean fixture failed the gate: %v\nall findings: %s", err, ids(r.Findings))
			}
		})
	}
}

// fixture is the absolute path of a fixture tree: trivy runs in a temp dir.
func fixture(t *testing.T, name string) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// assertNoLeak checks that no report file (JSON or SARIF, which is uploaded
// to code scanning) carries the secret itself: Trivy must have masked it.
func assertNoLeak(t *testing.T, dir string, values ...string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) < 3 {
		t.Fatalf("want report.json, filtered.json and SARIF in %s, got %v", dir, files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range values {
			if strings.Contains(string(data), v) {
				t.Errorf("%s contains the secret value %q unmasked", filepath.Base(f), v)
			}
		}
	}
}
