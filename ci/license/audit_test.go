package license

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var (
	noPackages  = &Lock{}
	onePackage  = &Lock{Packages: []Package{{Name: "guzzlehttp/psr7", Version: "2.4.0", Licenses: []string{"MIT"}}}}
	advisoryOut = `{"advisories": {"guzzlehttp/psr7": [{"advisoryId": "PKSA-1", "packageName": "guzzlehttp/psr7",
		"affectedVersions": ">=2,<2.4.5", "title": "Improper header validation", "cve": "CVE-2023-29197",
		"link": "https://github.com/advisories/GHSA-wxmh-65f7-jcvw", "reportedAt": "2023-04-17T16:00:00+00:00",
		"sources": [{"name": "GitHub", "remoteId": "GHSA-wxmh-65f7-jcvw"}]}]}}`
)

func TestParseAudit(t *testing.T) {
	tests := []struct {
		name       string
		run        AuditRun
		lock       *Lock
		advisories int
		wantErr    string // "" means parsed
	}{
		{"zero packages: composer 2.5 skips", AuditRun{Stderr: []byte("No packages - skipping audit.\n")}, noPackages, 0, ""},
		{"clean, empty map encoded as []", AuditRun{Stdout: []byte(`{"advisories": []}`)}, onePackage, 0, ""},
		{"clean with abandoned", AuditRun{Stdout: []byte(`{"advisories": {}, "abandoned": {"a/b": null, "c/d": "e/f"}}`), ExitCode: 2}, onePackage, 0, ""},
		{"advisory, composer 2.5 exit = count", AuditRun{Stdout: []byte(advisoryOut), ExitCode: 1}, onePackage, 1, ""},
		{"advisories as object", AuditRun{Stdout: []byte(`{"advisories": {"a/b": {"1": {"advisoryId": "X", "packageName": "a/b"}}}}`), ExitCode: 1}, onePackage, 1, ""},
		{"offline: no JSON", AuditRun{Stderr: []byte("curl error 6 while downloading https://repo.packagist.org/packages.json"), ExitCode: 1}, onePackage, 0, "printed no JSON (exit 1): curl error 6"},
		{"empty output with packages", AuditRun{}, onePackage, 0, "printed no JSON"},
		{"empty output, failing exit, zero packages", AuditRun{ExitCode: 1}, noPackages, 0, "printed no JSON"},
		{"table format by mistake", AuditRun{Stdout: []byte("No security vulnerability advisories found")}, onePackage, 0, "not an audit report"},
		{"json without advisories", AuditRun{Stdout: []byte(`{}`)}, onePackage, 0, "not an audit report"},
		{"failed exit, nothing reported", AuditRun{Stdout: []byte(`{"advisories": []}`), ExitCode: 1}, onePackage, 0, "without reporting an advisory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAudit(tt.run, tt.lock)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseAudit error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(a.Advisories) != tt.advisories {
				t.Fatalf("ParseAudit = %+v, %v; want %d advisories", a, err, tt.advisories)
			}
		})
	}
}

func TestAuditErrNamesAdvisory(t *testing.T) {
	a, err := ParseAudit(AuditRun{Stdout: []byte(advisoryOut), ExitCode: 1}, onePackage)
	if err != nil {
		t.Fatal(err)
	}
	err = a.Err()
	if err == nil || !strings.Contains(err.Error(), `guzzlehttp/psr7: CVE-2023-29197 "Improper header validation" (affected >=2,<2.4.5)`) {
		t.Fatalf("gate error does not name the advisory: %v", err)
	}
	if (&Audit{Abandoned: map[string]string{"a/b": ""}}).Err() != nil {
		t.Error("an abandoned package alone failed the audit gate")
	}
}

// TestRealComposerAudit runs the real composer (Debian's, here) with the
// stage's argv. With zero packages it must pass; with a package, whatever
// composer manages (JSON with network, an error without) must never be a
// silent pass on empty output.
func TestRealComposerAudit(t *testing.T) {
	composer, err := exec.LookPath("composer")
	if err != nil {
		t.Fatalf("composer is not on PATH (Debian package composer): %v", err)
	}
	for name, lock := range map[string]string{
		"zero packages": `{"packages": [], "packages-dev": []}`,
		"one package":   `{"packages": [{"name": "psr/log", "version": "3.0.0", "license": ["MIT"], "type": "library"}], "packages-dev": []}`,
	} {
		t.Run(name, func(t *testing.T) {
			a, err := realAudit(t, composer, lock)
			t.Logf("audit %+v, error %v", a, err)
			if name == "zero packages" && (err != nil || a.Skipped == "") {
				t.Fatalf("zero third-party packages must be a clean, skipped audit: %+v, %v", a, err)
			}
			if err == nil && a.Skipped != "" && name != "zero packages" {
				t.Fatal("an audit of a real package was reported as skipped")
			}
		})
	}
}

func realAudit(t *testing.T, composer, lockJSON string) (*Audit, error) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "composer.json"), `{"name": "acme/fixture", "require": {}}`)
	writeTestFile(t, filepath.Join(dir, "composer.lock"), lockJSON)
	cmd := exec.Command(composer, AuditArgs()...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "COMPOSER_HOME="+t.TempDir(), "COMPOSER_CACHE_DIR="+t.TempDir())
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	t.Logf("composer %v: exit %d (%v)\nstdout: %s\nstderr: %s", AuditArgs(), code, runErr, stdout.String(), stderr.String())
	lock, err := ParseLock([]byte(lockJSON))
	if err != nil {
		t.Fatal(err)
	}
	return ParseAudit(AuditRun{Stdout: []byte(stdout.String()), Stderr: []byte(stderr.String()), ExitCode: code}, lock)
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
