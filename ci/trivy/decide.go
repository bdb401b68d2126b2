package trivy

import (
	"fmt"
	"strings"
	"time"
)

// NewPolicy builds the policy from the stage's arguments: a threshold name
// ("" means DefaultThreshold), ignore-unfixed, and the ignore file's content.
// A bad threshold or ignore file is an error, never a laxer gate.
func NewPolicy(threshold string, ignoreUnfixed bool, ignoreFile []byte, now time.Time) (Policy, error) {
	p := Policy{Threshold: DefaultThreshold, IgnoreUnfixed: ignoreUnfixed, Now: now}
	if threshold != "" {
		s, err := ParseSeverity(strings.ToUpper(threshold))
		if err != nil {
			return p, fmt.Errorf("severity threshold: %w", err)
		}
		p.Threshold = s
	}
	ignores, err := ParseIgnoreFile(ignoreFile)
	if err != nil {
		return p, fmt.Errorf("%s: %w", IgnoreFilePath, err)
	}
	p.Ignores = ignores
	return p, nil
}

// Decide is the stage's whole decision: it parses each scan's JSON report,
// evaluates them together (an expired entry is named once), and returns the
// verdict with one filtered JSON per report, in order, to convert to SARIF.
func Decide(p Policy, reports ...[]byte) (Verdict, [][]byte, error) {
	parsed := make([]*Report, len(reports))
	for i, data := range reports {
		r, err := ParseReport(data)
		if err != nil {
			return Verdict{}, nil, fmt.Errorf("report %d: %w", i+1, err)
		}
		parsed[i] = r
	}
	v := Evaluate(p, parsed...)
	filtered := make([][]byte, len(parsed))
	for i, r := range parsed {
		data, err := r.Filtered(v.Blocking)
		if err != nil {
			return v, nil, err
		}
		filtered[i] = data
	}
	return v, filtered, nil
}
