package trivy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// SchemaVersion is the Trivy JSON schema this package understands; any other
// version is refused rather than half-read.
const SchemaVersion = 2

// Kind says which scanner produced a finding.
type Kind string

// The kinds of finding the gate looks at, named after Trivy's scanners.
const (
	Vulnerability    Kind = "vulnerability"
	Misconfiguration Kind = "misconfiguration"
	Secret           Kind = "secret"
	License          Kind = "license"
)

// kinds lists each kind with its array in a Trivy result, in report order.
var kinds = []struct {
	kind  Kind
	field string
}{
	{Vulnerability, "Vulnerabilities"},
	{Misconfiguration, "Misconfigurations"},
	{Secret, "Secrets"},
	{License, "Licenses"},
}

// Finding is one vulnerability, failed check, secret or license in a report.
type Finding struct {
	Kind     Kind
	ID       string   // CVE/GHSA id, check id, secret rule id or license name
	Aliases  []string // other ids an ignore entry may use (a check's AVD id)
	Target   string   // the file or image part Trivy reports it under
	Severity Severity
	Package  string // the vulnerable or licensed package, if any
	Fixed    bool   // a fixed version exists (vulnerabilities only)
	Title    string

	report *Report // where the finding came from, so a filtered copy can be written
	result int
	index  int
}

// String names the finding the way the gate reports it.
func (f Finding) String() string {
	s := fmt.Sprintf("%s %s in %s (%s)", f.Kind, f.ID, f.Target, f.Severity)
	if f.Package != "" {
		s += " package " + f.Package
	}
	return s
}

// Report is one parsed Trivy JSON report. Fields the gate does not read are
// kept as raw JSON so that a filtered copy still carries every location and
// description into SARIF.
type Report struct {
	Findings []Finding

	top     map[string]json.RawMessage
	results []result
}

type result struct {
	fields map[string]json.RawMessage
	items  map[Kind][]json.RawMessage
}

// ParseReport reads a Trivy JSON report. It fails closed: empty input,
// malformed JSON, another schema version or an unreadable finding is an error.
func ParseReport(data []byte) (*Report, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("trivy report is empty: the scan did not write its JSON output")
	}
	r := &Report{}
	if err := json.Unmarshal(data, &r.top); err != nil || r.top == nil {
		return nil, fmt.Errorf("trivy report is not a JSON object: %v", err)
	}
	if err := checkHeader(data); err != nil {
		return nil, err
	}
	if err := r.parseResults(); err != nil {
		return nil, err
	}
	return r, nil
}

// checkHeader refuses reports that convert would also refuse, or that come
// from a schema we have not read.
func checkHeader(data []byte) error {
	var head struct {
		SchemaVersion int
		ArtifactName  string
		ArtifactType  string
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return fmt.Errorf("trivy report header: %w", err)
	}
	if head.SchemaVersion != SchemaVersion {
		return fmt.Errorf("trivy report has SchemaVersion %d, want %d", head.SchemaVersion, SchemaVersion)
	}
	if head.ArtifactName == "" && head.ArtifactType == "" {
		return errors.New("trivy report names no artifact (ArtifactName and ArtifactType are empty)")
	}
	return nil
}

func (r *Report) parseResults() error {
	var results []map[string]json.RawMessage
	if raw, ok := r.top["Results"]; ok {
		if err := json.Unmarshal(raw, &results); err != nil {
			return fmt.Errorf("trivy report Results: %w", err)
		}
	}
	for i, fields := range results {
		if fields == nil {
			return fmt.Errorf("trivy report Results[%d] is null", i)
		}
		res, err := r.parseResult(i, fields)
		if err != nil {
			return fmt.Errorf("trivy report Results[%d]: %w", i, err)
		}
		r.results = append(r.results, res)
	}
	return nil
}

func (r *Report) parseResult(i int, fields map[string]json.RawMessage) (result, error) {
	res := result{fields: fields, items: map[Kind][]json.RawMessage{}}
	var target string
	if err := json.Unmarshal(fields["Target"], &target); err != nil || target == "" {
		return res, errors.New("missing Target")
	}
	for _, k := range kinds {
		raw, ok := fields[k.field]
		if !ok {
			continue
		}
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return res, fmt.Errorf("%s: %w", k.field, err)
		}
		res.items[k.kind] = items
		if err := r.addFindings(k.kind, target, i, items); err != nil {
			return res, fmt.Errorf("%s: %w", k.field, err)
		}
	}
	return res, nil
}

func (r *Report) addFindings(kind Kind, target string, result int, items []json.RawMessage) error {
	for j, item := range items {
		f, counts, err := decoders[kind](item)
		if err != nil {
			return fmt.Errorf("[%d]: %w", j, err)
		}
		if !counts {
			continue
		}
		f.Kind, f.Target, f.report, f.result, f.index = kind, target, r, result, j
		r.Findings = append(r.Findings, f)
	}
	return nil
}
