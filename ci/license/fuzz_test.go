package license

import (
	"os"
	"testing"
)

// FuzzParseLock: any input either fails or yields named packages that the
// policy can judge without panicking.
func FuzzParseLock(f *testing.F) {
	mixed, _ := os.ReadFile("testdata/mixed.composer.lock")
	f.Add(mixed)
	f.Add([]byte(`{"packages": [], "packages-dev": []}`))
	f.Add([]byte(`{"packages": [{"name": "a/b", "license": "(MIT or (GPL-3.0 AND"}]}`))
	p, err := ParsePolicy([]byte(`{"allowed": ["MIT"], "denied": ["GPL-3.0-only"]}`))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lock, err := ParseLock(data)
		if err != nil {
			return
		}
		for _, pkg := range lock.Packages {
			if pkg.Name == "" {
				t.Fatal("package without a name accepted")
			}
		}
		if vs := p.Violations(lock); len(vs) > len(lock.Packages) {
			t.Fatalf("%d violations for %d packages", len(vs), len(lock.Packages))
		}
	})
}

// FuzzParseAudit: composer output never panics the parser, and empty output
// for a lock with packages is never a pass.
func FuzzParseAudit(f *testing.F) {
	f.Add([]byte(`{"advisories": []}`), 0)
	f.Add([]byte(`{"advisories": {"a/b": [{"advisoryId": "X"}]}, "abandoned": {"c/d": null}}`), 1)
	f.Add([]byte(``), 0)
	lock := &Lock{Packages: []Package{{Name: "a/b"}}}
	f.Fuzz(func(t *testing.T, stdout []byte, code int) {
		a, err := ParseAudit(AuditRun{Stdout: stdout, ExitCode: code}, lock)
		if err == nil && a.Skipped != "" {
			t.Fatal("an audit of a lock with packages was skipped")
		}
	})
}
