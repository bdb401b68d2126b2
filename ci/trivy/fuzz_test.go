package trivy

import (
	"os"
	"testing"
	"time"
)

// FuzzParseReport: any input either fails or yields a report whose filtered
// copy parses again with the same findings; nothing panics.
func FuzzParseReport(f *testing.F) {
	sample, _ := os.ReadFile("testdata/reports/sample.json")
	f.Add(sample)
	f.Add([]byte(`{"SchemaVersion": 2, "ArtifactName": "."}`))
	f.Add([]byte(`{"SchemaVersion": 2, "ArtifactName": ".", "Results": [{"Target": "a", "Secrets": [{"RuleID": "r", "Severity": "LOW"}]}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseReport(data)
		if err != nil {
			return
		}
		v := Evaluate(Policy{Threshold: Unknown}, r)
		if len(v.Blocking) != len(r.Findings) {
			t.Fatalf("threshold UNKNOWN blocked %d of %d findings", len(v.Blocking), len(r.Findings))
		}
		filtered, err := r.Filtered(v.Blocking)
		if err != nil {
			t.Fatalf("Filtered: %v", err)
		}
		again, err := ParseReport(filtered)
		if err != nil {
			t.Fatalf("filtered report does not parse: %v\n%s", err, filtered)
		}
		if ids(again.Findings) != ids(r.Findings) {
			t.Fatalf("filtering changed the findings: %s -> %s", ids(r.Findings), ids(again.Findings))
		}
	})
}

// FuzzParseIgnoreFile: a parsed file has only complete entries, and using
// them never panics.
func FuzzParseIgnoreFile(f *testing.F) {
	f.Add([]byte(`{"ignores": [{"id": "CVE-1", "reason": "r", "expires": "2027-01-31", "paths": ["a/*"]}]}`))
	f.Add([]byte(`{"ignores": []}`))
	f.Add([]byte(`{"ignores": [{"id": "x", "reason": "", "expires": ""}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseIgnoreFile(data)
		if err != nil {
			return
		}
		for _, e := range file.Ignores {
			if e.ID == "" || e.Reason == "" || e.lastDay.IsZero() {
				t.Fatalf("incomplete entry accepted: %+v", e)
			}
			e.Expired(time.Now())
			e.Matches(Finding{ID: e.ID, Target: "a/b"})
		}
	})
}
