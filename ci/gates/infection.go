package gates

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
)

var infectionReport = report{
	kind: "Infection JSON log",
	fix:  `run infection with --logger-json=<file> (or "logs": {"json": "<file>"} in infection.json5)`,
}

// MutationStats is the summary of an Infection run, from its JSON log.
type MutationStats struct {
	Total, Killed, NotCovered, Escaped, Errors, SyntaxErrors int
	Skipped, Ignored, TimedOut                               int
	// MSI, MutationCodeCoverage and CoveredCodeMSI are percentages.
	MSI, MutationCodeCoverage, CoveredCodeMSI float64
	// EscapedMutants lists the mutants no test killed, in log order.
	EscapedMutants []Mutant
}

// Mutant locates one mutation.
type Mutant struct {
	File    string
	Line    int
	Mutator string
}

// String formats the mutant as file:line mutator, the way editors link it.
func (m Mutant) String() string {
	return fmt.Sprintf("%s:%d %s", m.File, m.Line, m.Mutator)
}

// infectionJSON mirrors the log Infection's JsonLogger writes. Pointers tell
// a missing field from a zero one; counters added in later Infection
// versions (syntaxErrorCount, ignoredCount) are optional.
type infectionJSON struct {
	Stats *struct {
		Total          *int     `json:"totalMutantsCount"`
		Killed         int      `json:"killedCount"`
		NotCovered     int      `json:"notCoveredCount"`
		Escaped        int      `json:"escapedCount"`
		Errors         int      `json:"errorCount"`
		SyntaxErrors   int      `json:"syntaxErrorCount"`
		Skipped        int      `json:"skippedCount"`
		Ignored        int      `json:"ignoredCount"`
		TimedOut       int      `json:"timeOutCount"`
		MSI            *float64 `json:"msi"`
		CodeCoverage   float64  `json:"mutationCodeCoverage"`
		CoveredCodeMSI *float64 `json:"coveredCodeMsi"`
	} `json:"stats"`
	Escaped []struct {
		Mutator struct {
			Name string `json:"mutatorName"`
			File string `json:"originalFilePath"`
			Line int    `json:"originalStartLine"`
		} `json:"mutator"`
	} `json:"escaped"`
}

// ParseInfection reads an Infection JSON log: its top-level stats object and
// the escaped mutants.
func ParseInfection(r io.Reader) (MutationStats, error) {
	doc, err := decode[infectionJSON](infectionReport, r, json.Unmarshal)
	if err != nil {
		return MutationStats{}, err
	}
	s, err := doc.stats()
	if err != nil {
		return MutationStats{}, infectionReport.malformed(err)
	}
	for _, e := range doc.Escaped {
		m := e.Mutator
		s.EscapedMutants = append(s.EscapedMutants, Mutant{File: m.File, Line: m.Line, Mutator: m.Name})
	}
	return s, nil
}

// stats validates the stats object and copies it out.
func (doc infectionJSON) stats() (MutationStats, error) {
	st := doc.Stats
	switch {
	case st == nil:
		return MutationStats{}, errors.New(`no top-level "stats" object`)
	case st.Total == nil:
		return MutationStats{}, errors.New(`"stats.totalMutantsCount" is missing`)
	case st.MSI == nil || st.CoveredCodeMSI == nil:
		return MutationStats{}, errors.New(`"stats.msi" or "stats.coveredCodeMsi" is missing`)
	}
	s := MutationStats{
		Total: *st.Total, Killed: st.Killed, NotCovered: st.NotCovered, Escaped: st.Escaped,
		Errors: st.Errors, SyntaxErrors: st.SyntaxErrors, Skipped: st.Skipped,
		Ignored: st.Ignored, TimedOut: st.TimedOut,
		MSI: *st.MSI, MutationCodeCoverage: st.CodeCoverage, CoveredCodeMSI: *st.CoveredCodeMSI,
	}
	return s, s.validate()
}

// countNames and percentNames are the log's field names, in the order
// validate checks them, so its messages point at the right field.
var (
	countNames = []string{"totalMutantsCount", "killedCount", "notCoveredCount", "escapedCount",
		"errorCount", "syntaxErrorCount", "skippedCount", "ignoredCount", "timeOutCount"}
	percentNames = []string{"msi", "mutationCodeCoverage", "coveredCodeMsi"}
)

// validate rejects counters and percentages no real run produces.
func (s MutationStats) validate() error {
	counts := []int{s.Total, s.Killed, s.NotCovered, s.Escaped, s.Errors, s.SyntaxErrors, s.Skipped, s.Ignored, s.TimedOut}
	for i, n := range counts {
		if n < 0 {
			return fmt.Errorf("stats.%s is negative (%d)", countNames[i], n)
		}
	}
	for i, p := range []float64{s.MSI, s.MutationCodeCoverage, s.CoveredCodeMSI} {
		if math.IsNaN(p) || p < 0 || p > 100 {
			return fmt.Errorf("stats.%s is %v, not a percentage", percentNames[i], p)
		}
	}
	return nil
}

// CheckMSI fails when the mutation score indicator is below minMSI percent,
// listing up to five escaped mutants to start from. A run that generated no
// mutants passes with a note: on a pull request it usually means no PHP
// line changed, and failing would block docs-only changes.
func CheckMSI(s MutationStats, minMSI float64) (note string, err error) {
	threshold, err := decimal(minMSI)
	if err != nil {
		return "", fmt.Errorf("MSI gate: %w", err)
	}
	if s.Total == 0 {
		return "no mutants generated (no changed lines?)", nil
	}
	got, ok := new(big.Rat).SetString(strconv.FormatFloat(s.MSI, 'f', -1, 64))
	if !ok || s.MSI < 0 || s.MSI > 100 {
		return "", fmt.Errorf("MSI %v is not a percentage: check the Infection JSON log", s.MSI)
	}
	note = fmt.Sprintf("MSI %s, covered code MSI %.2f%%, %d mutants", percent(got), s.CoveredCodeMSI, s.Total)
	if got.Cmp(threshold) >= 0 {
		return note, nil
	}
	msg := fmt.Sprintf("MSI %s < %s", percent(got), percent(threshold))
	if len(s.EscapedMutants) > 0 {
		msg += "; escaped: " + escapedList(s.EscapedMutants)
	}
	return note, errors.New(msg)
}

// escapedList names up to five mutants, enough to start killing them.
func escapedList(ms []Mutant) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.String()
	}
	return firstN(names, 5)
}
