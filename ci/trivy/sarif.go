package trivy

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// SARIFVersion is the only SARIF version GitHub code scanning accepts.
const SARIFVersion = "2.1.0"

type sarifLog struct {
	Version string `json:"version"`
	Schema  string `json:"$schema"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name string `json:"name"`
			} `json:"driver"`
		} `json:"tool"`
		Results *[]sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifResult struct {
	RuleID  string `json:"ruleId"`
	Level   string `json:"level"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// ValidateSARIF checks what code scanning needs of a SARIF log: version
// 2.1.0, a $schema, at least one run with a tool driver name and a results
// array, and a rule id, level and message on each result.
func ValidateSARIF(data []byte) error {
	_, err := parseSARIF(data)
	return err
}

func parseSARIF(data []byte) (*sarifLog, error) {
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		return nil, fmt.Errorf("sarif: %w", err)
	}
	if log.Version != SARIFVersion {
		return nil, fmt.Errorf("sarif: version %q, want %q", log.Version, SARIFVersion)
	}
	if !strings.Contains(log.Schema, "sarif") {
		return nil, fmt.Errorf("sarif: $schema %q does not name a SARIF schema", log.Schema)
	}
	if len(log.Runs) == 0 {
		return nil, errors.New("sarif: no runs")
	}
	for i, run := range log.Runs {
		if err := checkRun(i, run.Tool.Driver.Name, run.Results); err != nil {
			return nil, err
		}
	}
	return &log, nil
}

func checkRun(i int, driver string, results *[]sarifResult) error {
	if driver == "" {
		return fmt.Errorf("sarif: runs[%d].tool.driver.name is empty", i)
	}
	if results == nil {
		return fmt.Errorf("sarif: runs[%d].results is missing", i)
	}
	levels := []string{"none", "note", "warning", "error"}
	for j, r := range *results {
		if r.RuleID == "" || r.Message.Text == "" || !slices.Contains(levels, r.Level) {
			return fmt.Errorf("sarif: runs[%d].results[%d] needs a ruleId, a message and a level (got %q, %q)", i, j, r.RuleID, r.Level)
		}
	}
	return nil
}

// CheckSARIFAgrees fails unless the SARIF log holds exactly one result per
// finding (compared by rule id), so code scanning shows what the gate decided.
func CheckSARIFAgrees(data []byte, findings []Finding) error {
	log, err := parseSARIF(data)
	if err != nil {
		return err
	}
	var got, want []string
	for _, run := range log.Runs {
		for _, r := range *run.Results {
			got = append(got, r.RuleID)
		}
	}
	for _, f := range findings {
		want = append(want, f.SARIFRuleID())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return fmt.Errorf("sarif disagrees with the gate: sarif rules %v, gate findings %v", got, want)
	}
	return nil
}

// SARIFRuleID is the rule id trivy convert gives the finding's SARIF result.
func (f Finding) SARIFRuleID() string {
	if f.Kind == License {
		return f.Package + ":" + f.ID
	}
	return f.ID
}
