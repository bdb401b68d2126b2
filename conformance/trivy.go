package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/yaml"
)

// WriteForScan writes one file per object. Trivy has no checks for custom
// kinds, so a Rollout is also written as the Deployment it stands for: its pod
// template then gets the same workload checks as any Deployment.
func WriteForScan(dir string, objs []Object) error {
	for i, o := range objs {
		doc := o.Doc
		if o.Kind() == "Rollout" {
			doc = map[string]any{
				"apiVersion": "apps/v1", "kind": "Deployment", "metadata": o.Doc["metadata"],
				"spec": map[string]any{"selector": lookup(o.Doc, "spec", "selector"), "template": podTemplate(o)},
			}
		}
		b, err := yaml.Marshal(doc)
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%03d-%s-%s.yaml", i, strings.ToLower(o.Kind()), o.Name())
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// TrivyReport is the part of Trivy's JSON report the gate reads.
type TrivyReport struct {
	Results []struct {
		Target         string
		MisconfSummary *struct{ Successes, Failures int }
	}
}

// Checked counts the checks a report ran: a report with no check run is an
// error, never a clean scan.
func (r TrivyReport) Checked() (checked int) {
	for _, res := range r.Results {
		if res.MisconfSummary != nil {
			checked += res.MisconfSummary.Successes + res.MisconfSummary.Failures
		}
	}
	return checked
}

// ParseTrivyReport decodes a JSON report.
func ParseTrivyReport(b []byte) (TrivyReport, error) {
	var r TrivyReport
	if err := json.Unmarshal(b, &r); err != nil {
		return r, fmt.Errorf("trivy report is not JSON: %w", err)
	}
	return r, nil
}
