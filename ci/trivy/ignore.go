package trivy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
)

// IgnoreFilePath is where the repository keeps its accepted findings.
const IgnoreFilePath = "security/trivyignore.json"

// dateLayout is the expiry format: a calendar day, read in UTC.
const dateLayout = "2006-01-02"

// IgnoreEntry accepts one finding for a while, for a stated reason.
type IgnoreEntry struct {
	ID      string   `json:"id"`              // finding id: CVE/GHSA, check id or AVD id, secret rule, license name
	Reason  string   `json:"reason"`          // why it is acceptable; required
	Expires string   `json:"expires"`         // last day (YYYY-MM-DD, UTC) the entry holds; required
	Paths   []string `json:"paths,omitempty"` // globs on the finding's target; empty means anywhere

	lastDay time.Time
}

// IgnoreFile is the parsed ignore policy. Trivy's own .trivyignore is never
// read: the policy is applied in Go so that gate and SARIF see the same thing.
type IgnoreFile struct {
	Ignores []IgnoreEntry `json:"ignores"`
}

// ParseIgnoreFile reads and validates the ignore policy. Unknown fields, an
// entry without id, reason or a valid expiry, and a bad path glob are errors.
func ParseIgnoreFile(data []byte) (*IgnoreFile, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // a typo such as "expiry" must not drop the expiry
	var f IgnoreFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("ignore file: %w", err)
	}
	if dec.More() {
		return nil, errors.New("ignore file: trailing data after the JSON object")
	}
	for i := range f.Ignores {
		if err := f.Ignores[i].validate(); err != nil {
			return nil, fmt.Errorf("ignore file: entry %d (%q): %w", i, f.Ignores[i].ID, err)
		}
	}
	return &f, nil
}

func (e *IgnoreEntry) validate() error {
	if strings.TrimSpace(e.ID) == "" {
		return errors.New("id is required")
	}
	if strings.TrimSpace(e.Reason) == "" {
		return errors.New("reason is required: say why the finding is acceptable")
	}
	day, err := time.Parse(dateLayout, e.Expires)
	if err != nil {
		return fmt.Errorf("expires must be a date YYYY-MM-DD: %q", e.Expires)
	}
	e.lastDay = day
	for _, p := range e.Paths {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("path %q: %w", p, err)
		}
	}
	return nil
}

// Expired reports whether the entry's last day is before now's UTC date.
func (e IgnoreEntry) Expired(now time.Time) bool {
	return !now.UTC().Before(e.lastDay.AddDate(0, 0, 1))
}

// Matches reports whether the entry covers the finding, by id (or alias) and path.
func (e IgnoreEntry) Matches(f Finding) bool {
	if e.ID != f.ID && !slices.Contains(f.Aliases, e.ID) {
		return false
	}
	if len(e.Paths) == 0 {
		return true
	}
	for _, p := range e.Paths {
		if ok, _ := path.Match(p, f.Target); ok {
			return true
		}
	}
	return false
}

// String names the entry in gate errors.
func (e IgnoreEntry) String() string {
	return fmt.Sprintf("ignore entry %s (expires %s, reason %q)", e.ID, e.Expires, e.Reason)
}
