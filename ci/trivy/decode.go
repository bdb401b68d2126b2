package trivy

import (
	"encoding/json"
	"errors"
)

// decoders turn one raw finding into a Finding; the bool says whether the
// gate counts it (a passed or excepted check does not).
var decoders = map[Kind]func(json.RawMessage) (Finding, bool, error){
	Vulnerability:    decodeVulnerability,
	Misconfiguration: decodeMisconfiguration,
	Secret:           decodeSecret,
	License:          decodeLicense,
}

func decodeVulnerability(raw json.RawMessage) (Finding, bool, error) {
	var v struct {
		VulnerabilityID, PkgName, FixedVersion, Status, Severity, Title string
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return Finding{}, false, err
	}
	f := Finding{ID: v.VulnerabilityID, Package: v.PkgName, Title: v.Title,
		Fixed: v.FixedVersion != "" || v.Status == "fixed"}
	return finish(f, v.Severity, true)
}

func decodeMisconfiguration(raw json.RawMessage) (Finding, bool, error) {
	var m struct{ ID, AVDID, Title, Severity, Status string }
	if err := json.Unmarshal(raw, &m); err != nil {
		return Finding{}, false, err
	}
	f := Finding{ID: m.ID, Title: m.Title}
	if m.AVDID != "" && m.AVDID != m.ID {
		f.Aliases = []string{m.AVDID}
	}
	if f.ID == "" {
		f.ID = m.AVDID
	}
	// Only FAIL is a finding; PASS and EXCEPTION appear with --include-non-failures.
	return finish(f, m.Severity, m.Status == "FAIL")
}

func decodeSecret(raw json.RawMessage) (Finding, bool, error) {
	var s struct{ RuleID, Title, Severity string }
	if err := json.Unmarshal(raw, &s); err != nil {
		return Finding{}, false, err
	}
	return finish(Finding{ID: s.RuleID, Title: s.Title}, s.Severity, true)
}

func decodeLicense(raw json.RawMessage) (Finding, bool, error) {
	var l struct{ Name, PkgName, Severity, Category string }
	if err := json.Unmarshal(raw, &l); err != nil {
		return Finding{}, false, err
	}
	return finish(Finding{ID: l.Name, Package: l.PkgName, Title: l.Category}, l.Severity, true)
}

// finish checks what every kind needs: an id and a severity we can rank.
func finish(f Finding, severity string, counts bool) (Finding, bool, error) {
	if f.ID == "" {
		return f, false, errors.New("finding has no id")
	}
	s, err := ParseSeverity(severity)
	if err != nil {
		return f, false, err
	}
	f.Severity = s
	return f, counts, nil
}
