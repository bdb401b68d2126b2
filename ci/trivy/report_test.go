package trivy

import (
	"os"
	"strings"
	"testing"
)

func loadSample(t *testing.T) *Report {
	t.Helper()
	data, err := os.ReadFile("testdata/reports/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseReport(data)
	if err != nil {
		t.Fatalf("ParseReport(sample): %v", err)
	}
	return r
}

// ids lists findings as "kind id severity" for compact comparisons.
func ids(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Kind)+" "+f.ID+" "+f.Severity.String())
	}
	return strings.Join(out, ", ")
}

func TestParseReportSample(t *testing.T) {
	r := loadSample(t)
	want := "vulnerability CVE-2023-29197 HIGH, vulnerability CVE-2099-0001 CRITICAL, " +
		"vulnerability CVE-2099-0002 LOW, misconfiguration KSV-0014 HIGH, misconfiguration KSV-0011 MEDIUM, " +
		"secret aws-access-key-id CRITICAL, license MIT LOW, license AGPL-3.0-only CRITICAL"
	if got := ids(r.Findings); got != want {
		t.Errorf("findings:\n got %s\nwant %s", got, want)
	}
	if f := r.Findings[3]; f.Target != "infrastructure/base/bff/deployment.yaml" || f.Aliases[0] != "AVD-KSV-0014" {
		t.Errorf("misconfiguration target/alias: %+v", f)
	}
}

func TestParseReportFailsClosed(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty"},
		{"whitespace", " \n", "empty"},
		{"null", "null", "not a JSON object"},
		{"array", "[]", "not a JSON object"},
		{"truncated", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": [`, "not a JSON object"},
		{"no schema", `{"ArtifactName": "x"}`, "SchemaVersion 0"},
		{"old schema", `{"SchemaVersion": 1, "ArtifactName": "x"}`, "SchemaVersion 1"},
		{"no artifact", `{"SchemaVersion": 2}`, "names no artifact"},
		{"results not array", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": {}}`, "Results"},
		{"null result", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": [null]}`, "is null"},
		{"no target", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{}]}`, "missing Target"},
		{"vulns not array", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "a", "Vulnerabilities": 3}]}`, "Vulnerabilities"},
		{"no id", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "a", "Secrets": [{"Severity": "HIGH"}]}]}`, "no id"},
		{"bad severity", `{"SchemaVersion": 2, "ArtifactName": "x", "Results": [{"Target": "a", "Secrets": [{"RuleID": "r", "Severity": "high"}]}]}`, "unknown severity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseReport([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ParseReport(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestParseReportClean(t *testing.T) {
	tests := []struct{ name, in string }{
		{"no results", `{"SchemaVersion": 2, "ArtifactName": ".", "ArtifactType": "filesystem"}`},
		{"empty results", `{"SchemaVersion": 2, "ArtifactName": ".", "Results": []}`},
		{"only passes", `{"SchemaVersion": 2, "ArtifactName": ".", "Results": [{"Target": "a", "Misconfigurations": [{"ID": "X", "Severity": "HIGH", "Status": "PASS"}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseReport([]byte(tt.in))
			if err != nil || len(r.Findings) != 0 {
				t.Fatalf("ParseReport = %v findings, %v; want a clean report", r, err)
			}
		})
	}
}

func TestSeverityOrder(t *testing.T) {
	order := []string{"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"}
	for i, name := range order {
		s, err := ParseSeverity(name)
		if err != nil || int(s) != i || s.String() != name {
			t.Errorf("ParseSeverity(%q) = %v, %v; want rank %d", name, s, err, i)
		}
	}
	if !(Unknown < Low && Low < Medium && Medium < High && High < Critical) {
		t.Error("severities are not ordered UNKNOWN < LOW < MEDIUM < HIGH < CRITICAL")
	}
	for _, bad := range []string{"", "high", "SEVERE"} {
		if _, err := ParseSeverity(bad); err == nil {
			t.Errorf("ParseSeverity(%q) succeeded, want an error", bad)
		}
	}
}
