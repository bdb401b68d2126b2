package trivy

import "fmt"

// Severity is Trivy's severity scale, ordered so that comparisons work.
type Severity int

// The five severities Trivy reports, lowest first.
const (
	Unknown Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"}

// String returns the severity as Trivy spells it.
func (s Severity) String() string {
	if s < Unknown || s > Critical {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads one of Trivy's severity names (exact, upper case).
// Anything else is an error: a report with a severity we cannot rank must
// not silently fall below the threshold.
func ParseSeverity(s string) (Severity, error) {
	for i, name := range severityNames {
		if s == name {
			return Severity(i), nil
		}
	}
	return Unknown, fmt.Errorf("unknown severity %q (want one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)", s)
}
