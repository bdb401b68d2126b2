package trivy

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultThreshold is the lowest severity that fails the gate unless told otherwise.
const DefaultThreshold = High

// Policy decides which findings block. It holds every knob (threshold,
// ignore-unfixed, ignore file) so that Trivy itself runs unfiltered and the
// decision lives in one place.
type Policy struct {
	Threshold     Severity    // findings at or above it block
	IgnoreUnfixed bool        // vulnerabilities without a fixed version do not block
	Ignores       *IgnoreFile // accepted findings; nil means none
	Now           time.Time   // clock for expiry; zero means time.Now
}

// Verdict sorts every finding of the evaluated reports into one bucket.
type Verdict struct {
	Threshold Severity
	Blocking  []Finding     // what fails the gate, and exactly what SARIF shows
	Ignored   []Finding     // suppressed by a valid ignore entry
	Unfixed   []Finding     // vulnerabilities dropped by IgnoreUnfixed
	Below     []Finding     // under the threshold
	Expired   []IgnoreEntry // entries past their date: they fail the gate and suppress nothing
}

// Evaluate applies the policy to the findings of all reports.
func Evaluate(p Policy, reports ...*Report) Verdict {
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	v := Verdict{Threshold: p.Threshold}
	valid := p.validEntries(now, &v)
	for _, r := range reports {
		for _, f := range r.Findings {
			v.place(p, valid, f)
		}
	}
	return v
}

func (p Policy) validEntries(now time.Time, v *Verdict) []IgnoreEntry {
	if p.Ignores == nil {
		return nil
	}
	var valid []IgnoreEntry
	for _, e := range p.Ignores.Ignores {
		if e.Expired(now) {
			v.Expired = append(v.Expired, e)
		} else {
			valid = append(valid, e)
		}
	}
	return valid
}

func (v *Verdict) place(p Policy, valid []IgnoreEntry, f Finding) {
	switch {
	case f.Severity < p.Threshold:
		v.Below = append(v.Below, f)
	case p.IgnoreUnfixed && f.Kind == Vulnerability && !f.Fixed:
		v.Unfixed = append(v.Unfixed, f)
	case matchesAny(valid, f):
		v.Ignored = append(v.Ignored, f)
	default:
		v.Blocking = append(v.Blocking, f)
	}
}

func matchesAny(entries []IgnoreEntry, f Finding) bool {
	for _, e := range entries {
		if e.Matches(f) {
			return true
		}
	}
	return false
}

// Err is the gate: nil when nothing blocks and no ignore entry has expired;
// otherwise an error naming each expired entry and each blocking finding.
func (v Verdict) Err() error {
	if len(v.Blocking) == 0 && len(v.Expired) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "security scan failed: %d finding(s) at or above %s", len(v.Blocking), v.Threshold)
	if len(v.Expired) > 0 {
		fmt.Fprintf(&b, ", %d expired ignore entry(ies)", len(v.Expired))
	}
	for _, e := range v.Expired {
		fmt.Fprintf(&b, "\n  - %s has expired: fix the finding or renew the entry in %s", e, IgnoreFilePath)
	}
	for _, f := range v.Blocking {
		fmt.Fprintf(&b, "\n  - %s", f)
	}
	fmt.Fprintf(&b, "\nfix the findings, or accept one in %s with an id, a reason and an expiry date", IgnoreFilePath)
	return errors.New(b.String())
}
