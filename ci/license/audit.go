package license

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// AuditArgs is the dependency audit's command line, without the program name
// ("composer"): the lock file is audited, so no vendor/ install is needed.
func AuditArgs() []string {
	return []string{"audit", "--locked", "--format=json", "--no-interaction"}
}

// Advisory is one security advisory `composer audit` reports.
type Advisory struct {
	AdvisoryID       string `json:"advisoryId"`
	PackageName      string `json:"packageName"`
	AffectedVersions string `json:"affectedVersions"`
	Title            string `json:"title"`
	CVE              string `json:"cve"`
	Link             string `json:"link"`
}

// AuditRun is what the audit command produced.
type AuditRun struct {
	Stdout, Stderr []byte
	ExitCode       int
}

// Audit is the decoded result of one service's audit.
type Audit struct {
	Advisories []Advisory
	Abandoned  map[string]string // package -> suggested replacement ("" for none); reported, not blocking
	Skipped    string            // why nothing needed auditing, when so
}

// ParseAudit decodes an audit run of the given lock. With zero third-party
// packages composer prints no JSON ("No packages - skipping audit." on
// stderr, exit 0): that alone is a clean pass, because the lock proves there
// was nothing to audit. Otherwise missing or malformed JSON (composer could
// not reach the advisory database, say) and a failing exit code without any
// advisory are errors, never a pass.
func ParseAudit(run AuditRun, lock *Lock) (*Audit, error) {
	empty := len(bytes.TrimSpace(run.Stdout)) == 0
	if empty && run.ExitCode == 0 && len(lock.Packages) == 0 {
		return &Audit{Skipped: "composer.lock has no third-party packages"}, nil
	}
	if empty {
		return nil, fmt.Errorf("composer audit printed no JSON (exit %d): %s", run.ExitCode, tail(run.Stderr))
	}
	a, err := decodeAudit(run.Stdout)
	if err != nil {
		return nil, err
	}
	if run.ExitCode != 0 && len(a.Advisories) == 0 && len(a.Abandoned) == 0 {
		return nil, fmt.Errorf("composer audit failed (exit %d) without reporting an advisory: %s", run.ExitCode, tail(run.Stderr))
	}
	return a, nil
}

// decodeAudit reads {"advisories": {...}, "abandoned": {...}}. PHP encodes an
// empty map as [], and a filtered list as an object, so both shapes are read.
func decodeAudit(stdout []byte) (*Audit, error) {
	var raw struct {
		Advisories json.RawMessage `json:"advisories"`
		Abandoned  json.RawMessage `json:"abandoned"`
	}
	if err := json.Unmarshal(stdout, &raw); err != nil || raw.Advisories == nil {
		return nil, fmt.Errorf("composer audit output is not an audit report (want a JSON object with \"advisories\"): %.200s", stdout)
	}
	byPackage := map[string]json.RawMessage{}
	if err := decodeMapOrEmptyList(raw.Advisories, &byPackage); err != nil {
		return nil, fmt.Errorf("composer audit advisories: %w", err)
	}
	a := &Audit{Abandoned: map[string]string{}}
	for _, pkg := range slices.Sorted(maps.Keys(byPackage)) {
		list, err := decodeAdvisories(byPackage[pkg])
		if err != nil {
			return nil, fmt.Errorf("composer audit advisories of %s: %w", pkg, err)
		}
		a.Advisories = append(a.Advisories, list...)
	}
	return a, decodeAbandoned(raw.Abandoned, a.Abandoned)
}

func decodeAdvisories(raw json.RawMessage) ([]Advisory, error) {
	var list []Advisory
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	byIndex := map[string]Advisory{}
	if err := json.Unmarshal(raw, &byIndex); err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(byIndex)) {
		list = append(list, byIndex[k])
	}
	return list, nil
}

func decodeAbandoned(raw json.RawMessage, into map[string]string) error {
	if raw == nil {
		return nil // composer before 2.6 does not report abandoned packages
	}
	replacements := map[string]*string{}
	if err := decodeMapOrEmptyList(raw, &replacements); err != nil {
		return fmt.Errorf("composer audit abandoned: %w", err)
	}
	for pkg, repl := range replacements {
		into[pkg] = ""
		if repl != nil {
			into[pkg] = *repl
		}
	}
	return nil
}

func decodeMapOrEmptyList[V any](raw json.RawMessage, into *map[string]V) error {
	if string(bytes.TrimSpace(raw)) == "[]" {
		return nil
	}
	return json.Unmarshal(raw, into)
}

// tail keeps the end of stderr, where composer puts the reason.
func tail(stderr []byte) string {
	s := strings.TrimSpace(string(stderr))
	if len(s) > 400 {
		s = "..." + s[len(s)-400:]
	}
	if s == "" {
		return "(no stderr)"
	}
	return s
}

// Err is the audit gate: nil without advisories, otherwise an error naming
// each advisory's package, id and affected versions.
func (a *Audit) Err() error {
	if len(a.Advisories) == 0 {
		return nil
	}
	var b strings.Builder
	for _, adv := range a.Advisories {
		id := adv.CVE
		if id == "" {
			id = adv.AdvisoryID
		}
		fmt.Fprintf(&b, "\n  - %s: %s %q (affected %s) %s", adv.PackageName, id, adv.Title, adv.AffectedVersions, adv.Link)
	}
	return fmt.Errorf("composer audit: %d security advisory(ies):%s\nupdate the affected packages (composer update <package>)", len(a.Advisories), b.String())
}
