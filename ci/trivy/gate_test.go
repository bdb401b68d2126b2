package trivy

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

var today = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func ignoreFile(t *testing.T, entries string) *IgnoreFile {
	t.Helper()
	f, err := ParseIgnoreFile([]byte(`{"ignores": [` + entries + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name              string
		policy            Policy
		blocking, unfixed string
	}{
		{name: "default HIGH", policy: Policy{Threshold: DefaultThreshold},
			blocking: "vulnerability CVE-2023-29197 HIGH, vulnerability CVE-2099-0001 CRITICAL, misconfiguration KSV-0014 HIGH, secret aws-access-key-id CRITICAL, license AGPL-3.0-only CRITICAL"},
		{name: "CRITICAL only", policy: Policy{Threshold: Critical},
			blocking: "vulnerability CVE-2099-0001 CRITICAL, secret aws-access-key-id CRITICAL, license AGPL-3.0-only CRITICAL"},
		{name: "ignore unfixed", policy: Policy{Threshold: Critical, IgnoreUnfixed: true},
			blocking: "secret aws-access-key-id CRITICAL, license AGPL-3.0-only CRITICAL",
			unfixed:  "vulnerability CVE-2099-0001 CRITICAL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.policy.Now = today
			v := Evaluate(tt.policy, loadSample(t))
			if got := ids(v.Blocking); got != tt.blocking {
				t.Errorf("blocking:\n got %s\nwant %s", got, tt.blocking)
			}
			if got := ids(v.Unfixed); got != tt.unfixed {
				t.Errorf("unfixed: got %s, want %s", got, tt.unfixed)
			}
		})
	}
}

func TestEvaluateIgnores(t *testing.T) {
	tests := []struct {
		name, entries, blocking, ignored string
	}{
		{"by id", `{"id": "CVE-2023-29197", "reason": "not reachable", "expires": "2026-12-31"}`,
			"misconfiguration KSV-0014 HIGH", "vulnerability CVE-2023-29197 HIGH"},
		{"by AVD alias", `{"id": "AVD-KSV-0014", "reason": "rootfs is written by design", "expires": "2026-11-25"}`,
			"vulnerability CVE-2023-29197 HIGH", "misconfiguration KSV-0014 HIGH"},
		{"path glob matches", `{"id": "KSV-0014", "reason": "r", "expires": "2027-01-01", "paths": ["infrastructure/base/*/deployment.yaml"]}`,
			"vulnerability CVE-2023-29197 HIGH", "misconfiguration KSV-0014 HIGH"},
		{"path glob misses", `{"id": "KSV-0014", "reason": "r", "expires": "2027-01-01", "paths": ["infrastructure/overlays/*"]}`,
			"vulnerability CVE-2023-29197 HIGH, misconfiguration KSV-0014 HIGH", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Policy{Threshold: High, IgnoreUnfixed: true, Ignores: ignoreFile(t, tt.entries), Now: today}
			r := loadSample(t)
			r.Findings = onlyKinds(r.Findings, Vulnerability, Misconfiguration)
			v := Evaluate(p, r)
			if got := ids(v.Blocking); got != tt.blocking {
				t.Errorf("blocking: got %s, want %s", got, tt.blocking)
			}
			if got := ids(v.Ignored); got != tt.ignored {
				t.Errorf("ignored: got %s, want %s", got, tt.ignored)
			}
		})
	}
}

func onlyKinds(fs []Finding, keep ...Kind) []Finding {
	var out []Finding
	for _, f := range fs {
		for _, k := range keep {
			if f.Kind == k {
				out = append(out, f)
			}
		}
	}
	return out
}

func TestExpiredEntryFailsAndSuppressesNothing(t *testing.T) {
	ign := ignoreFile(t, `{"id": "aws-access-key-id", "reason": "test key", "expires": "2026-11-24"}`)
	r, err := ParseReport([]byte(`{"SchemaVersion": 2, "ArtifactName": ".", "Results": [{"Target": "app.env",
		"Secrets": [{"RuleID": "aws-access-key-id", "Severity": "CRITICAL"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	v := Evaluate(Policy{Threshold: High, Ignores: ign, Now: today}, r)
	err = v.Err()
	if err == nil || len(v.Blocking) != 1 || len(v.Expired) != 1 {
		t.Fatalf("verdict %+v, err %v: want the expired entry and the secret to fail the gate", v, err)
	}
	for _, want := range []string{"ignore entry aws-access-key-id (expires 2026-11-24", "has expired", "secret aws-access-key-id in app.env (CRITICAL)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestExpiryIsInclusive(t *testing.T) {
	e := ignoreFile(t, `{"id": "X", "reason": "r", "expires": "2026-11-25"}`).Ignores[0]
	cases := map[time.Time]bool{
		today: false,
		time.Date(2026, 11, 25, 23, 59, 59, 0, time.UTC): false,
		time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC):    true,
		// 23:30 in New York on the 25th is already the 26th in UTC.
		time.Date(2026, 11, 25, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)): true,
	}
	for now, want := range cases {
		if got := e.Expired(now); got != want {
			t.Errorf("Expired(%v) = %v, want %v", now, got, want)
		}
	}
}

func TestGateErrorNamesEachFinding(t *testing.T) {
	err := Evaluate(Policy{Threshold: High, Now: today}, loadSample(t)).Err()
	if err == nil {
		t.Fatal("sample report passed the HIGH gate")
	}
	for _, want := range []string{
		"5 finding(s) at or above HIGH",
		"vulnerability CVE-2023-29197 in services/bff/composer.lock (HIGH) package guzzlehttp/psr7",
		"misconfiguration KSV-0014 in infrastructure/base/bff/deployment.yaml (HIGH)",
		"secret aws-access-key-id in services/bff/config/app.env (CRITICAL)",
		"license AGPL-3.0-only in services/bff/composer.lock (CRITICAL) package acme/agpl-lib",
		IgnoreFilePath,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("gate error does not name %q:\n%v", want, err)
		}
	}
}

func TestCleanGatePasses(t *testing.T) {
	r, err := ParseReport([]byte(`{"SchemaVersion": 2, "ArtifactName": "."}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := Evaluate(Policy{Threshold: Unknown}, r).Err(); err != nil {
		t.Fatalf("clean report failed the gate: %v", err)
	}
}

func TestFilteredKeepsOnlyBlocking(t *testing.T) {
	r := loadSample(t)
	v := Evaluate(Policy{Threshold: Critical, IgnoreUnfixed: true, Now: today}, r)
	data, err := r.Filtered(v.Blocking)
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseReport(data)
	if err != nil {
		t.Fatalf("filtered report does not parse: %v", err)
	}
	if got, want := ids(again.Findings), ids(v.Blocking); got != want {
		t.Errorf("filtered findings:\n got %s\nwant %s", got, want)
	}
	var top map[string]any
	if err := json.Unmarshal(data, &top); err != nil || top["ArtifactType"] != "filesystem" || top["CreatedAt"] == nil {
		t.Errorf("filtered report lost its header: %v %v", top, err)
	}
	if !strings.Contains(string(data), `"Packages"`) {
		t.Error("filtered report dropped Packages, which SARIF needs for locations")
	}
}
