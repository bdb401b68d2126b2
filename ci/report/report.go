// Package report collects the result of each service × stage of a pipeline
// run and renders it: a plain table for logs, Markdown with a mermaid gantt
// chart for CI job summaries, and one error naming every failure.
//
// Stages run concurrently and each writes its own row with Add; nothing is
// decided from the order rows arrive in.
package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// Status is the outcome of one stage for one service.
type Status string

const (
	// Pass means the stage ran and its gate held.
	Pass Status = "pass"
	// Fail means the stage or its gate failed; Err names it.
	Fail Status = "fail"
	// Skipped means the stage did not run (an unaffected service, missing
	// credentials); a skip is not a failure.
	Skipped Status = "skipped"
)

// Row is the result of one stage for one service.
type Row struct {
	Service, Stage string
	Status         Status
	Duration       time.Duration
	// Reason says why a stage failed or was skipped, or notes a pass.
	Reason string
	// Artifact names what the stage produced (a digest, a report path).
	Artifact string
	// Start is when the stage began; the zero time leaves it off the chart.
	Start time.Time
}

// Report gathers rows from concurrent stages. The zero value is usable.
type Report struct {
	mu     sync.Mutex
	stages []string
	rows   []Row
}

// New returns an empty report whose rows sort by the given stage order.
func New(stages ...string) *Report {
	return &Report{stages: slices.Clone(stages)}
}

// Add records one row; it is safe to call from many goroutines.
func (r *Report) Add(row Row) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rows = append(r.rows, row)
}

// Rows returns a copy of the rows sorted by service, then by the stage
// order given to New (unknown stages last, by name). The sort is stable, so
// rows with the same service and stage keep the order they were added in.
func (r *Report) Rows() []Row {
	r.mu.Lock()
	rows := slices.Clone(r.rows)
	stages := r.stages
	r.mu.Unlock()
	rank := func(stage string) int {
		if i := slices.Index(stages, stage); i >= 0 {
			return i
		}
		return len(stages)
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		if c := strings.Compare(a.Service, b.Service); c != 0 {
			return c
		}
		if c := rank(a.Stage) - rank(b.Stage); c != 0 {
			return c
		}
		return strings.Compare(a.Stage, b.Stage)
	})
	return rows
}

// failed reports whether a row counts as a failure: anything that is not
// an explicit pass or skip, so a stage that forgot its status fails closed.
func (row Row) failed() bool {
	return row.Status != Pass && row.Status != Skipped
}

// Err returns nil when no row failed, otherwise one error with a line per
// failing row, "service/stage: reason", in Rows order.
func (r *Report) Err() error {
	var errs []error
	for _, row := range r.Rows() {
		if !row.failed() {
			continue
		}
		reason := row.Reason
		switch {
		case row.Status != Fail:
			reason = fmt.Sprintf("invalid status %q: %s", row.Status, reason)
		case reason == "":
			reason = "failed (no reason given)"
		}
		errs = append(errs, fmt.Errorf("%s/%s: %s", row.Service, row.Stage, reason))
	}
	return errors.Join(errs...)
}

// Counts is how many rows ended in each status.
type Counts struct {
	Pass, Fail, Skipped int
}

// String reads like "5 passed, 1 failed, 2 skipped".
func (c Counts) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", c.Pass, c.Fail, c.Skipped)
}

// Summary counts the rows by status; rows with an invalid status count as
// failed, as in Err.
func (r *Report) Summary() Counts {
	var c Counts
	for _, row := range r.Rows() {
		switch {
		case row.Status == Pass:
			c.Pass++
		case row.Status == Skipped:
			c.Skipped++
		default:
			c.Fail++
		}
	}
	return c
}
