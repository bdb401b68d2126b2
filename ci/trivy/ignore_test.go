package trivy

import (
	"os"
	"strings"
	"testing"
)

func TestParseIgnoreFile(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" means valid
	}{
		{"empty list", `{"ignores": []}`, ""},
		{"full entry", `{"ignores": [{"id": "CVE-1", "reason": "r", "expires": "2027-01-31", "paths": ["services/*/composer.lock"]}]}`, ""},
		{"no reason", `{"ignores": [{"id": "CVE-1", "expires": "2027-01-31"}]}`, "reason is required"},
		{"blank reason", `{"ignores": [{"id": "CVE-1", "reason": "  ", "expires": "2027-01-31"}]}`, "reason is required"},
		{"no expiry", `{"ignores": [{"id": "CVE-1", "reason": "r"}]}`, "expires must be a date"},
		{"bad expiry", `{"ignores": [{"id": "CVE-1", "reason": "r", "expires": "31/01/2027"}]}`, "expires must be a date"},
		{"no id", `{"ignores": [{"reason": "r", "expires": "2027-01-31"}]}`, "id is required"},
		{"typo field", `{"ignores": [{"id": "CVE-1", "reason": "r", "expiry": "2027-01-31"}]}`, "unknown field"},
		{"bad glob", `{"ignores": [{"id": "CVE-1", "reason": "r", "expires": "2027-01-31", "paths": ["["]}]}`, "syntax error in pattern"},
		{"empty", ``, "ignore file"},
		{"trailing", `{"ignores": []} {}`, "trailing data"},
		{"trivy yaml format", `vulnerabilities:\n- id: CVE-1`, "ignore file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIgnoreFile([]byte(tt.in))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("ParseIgnoreFile: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("ParseIgnoreFile error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestErrorNamesEntry(t *testing.T) {
	_, err := ParseIgnoreFile([]byte(`{"ignores": [{"id": "ok", "reason": "r", "expires": "2027-01-01"}, {"id": "CVE-9", "expires": "2027-01-01"}]}`))
	if err == nil || !strings.Contains(err.Error(), `entry 1 ("CVE-9")`) {
		t.Fatalf("error %v does not name entry 1 CVE-9", err)
	}
}

// TestRepositoryIgnoreFile keeps the committed ignore policy parseable.
func TestRepositoryIgnoreFile(t *testing.T) {
	data, err := os.ReadFile("../../" + IgnoreFilePath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseIgnoreFile(data); err != nil {
		t.Fatal(err)
	}
}
