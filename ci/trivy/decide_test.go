package trivy

import (
	"os"
	"strings"
	"testing"
)

func TestNewPolicy(t *testing.T) {
	empty := []byte(`{"ignores": []}`)
	tests := []struct {
		name, threshold string
		ignore          []byte
		want            Severity
		wantErr         string
	}{
		{"default", "", empty, High, ""},
		{"lower case", "critical", empty, Critical, ""},
		{"bad threshold", "SEVERE", empty, 0, "severity threshold"},
		{"bad ignore file", "HIGH", []byte(`{"ignores": [{"id": "X"}]}`), 0, IgnoreFilePath},
		{"missing ignore file", "HIGH", nil, 0, IgnoreFilePath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewPolicy(tt.threshold, true, tt.ignore, today)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("NewPolicy error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || p.Threshold != tt.want || !p.IgnoreUnfixed {
				t.Fatalf("NewPolicy = %+v, %v; want threshold %s", p, err, tt.want)
			}
		})
	}
}

func TestDecide(t *testing.T) {
	sample, err := os.ReadFile("testdata/reports/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	clean := []byte(`{"SchemaVersion": 2, "ArtifactName": "image.tar", "ArtifactType": "container_image"}`)
	p := Policy{Threshold: Critical, IgnoreUnfixed: true, Now: today,
		Ignores: ignoreFile(t, `{"id": "old", "reason": "r", "expires": "2020-01-01"}`)}
	v, filtered, err := Decide(p, sample, clean)
	if err != nil || len(filtered) != 2 {
		t.Fatalf("Decide: %v, %d filtered reports", err, len(filtered))
	}
	if len(v.Expired) != 1 || ids(v.Blocking) != "secret aws-access-key-id CRITICAL, license AGPL-3.0-only CRITICAL" {
		t.Fatalf("verdict: expired %v, blocking %s", v.Expired, ids(v.Blocking))
	}
	if _, _, err := Decide(p, sample, nil); err == nil || !strings.Contains(err.Error(), "report 2: trivy report is empty") {
		t.Fatalf("a missing second report did not fail closed: %v", err)
	}
}
