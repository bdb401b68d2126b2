package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// PolicyPath is where the repository keeps its license policy.
const PolicyPath = "security/licenses.json"

// Exception lets one package through whatever its license, for a stated reason.
type Exception struct {
	Package string `json:"package"` // Composer name, vendor/name
	Reason  string `json:"reason"`  // why it is acceptable; required
}

// Policy is the license allowlist: allowed and denied SPDX ids, and
// per-package exceptions. A license in neither list is unknown and fails.
type Policy struct {
	Allowed    []string    `json:"allowed"`
	Denied     []string    `json:"denied"`
	Exceptions []Exception `json:"exceptions"`

	allowed, denied map[string]bool
	excepted        map[string]bool
}

// ParsePolicy reads and validates the policy: unknown fields, an empty
// allowlist, an id both allowed and denied, and an exception without package
// or reason are errors.
func ParsePolicy(data []byte) (*Policy, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Policy
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("license policy: %w", err)
	}
	if len(p.Allowed) == 0 {
		return nil, errors.New("license policy: allowed is empty")
	}
	p.allowed, p.denied = set(p.Allowed), set(p.Denied)
	for id := range p.allowed {
		if p.denied[id] {
			return nil, fmt.Errorf("license policy: %s is both allowed and denied", id)
		}
	}
	p.excepted = map[string]bool{}
	for i, e := range p.Exceptions {
		if e.Package == "" || strings.TrimSpace(e.Reason) == "" {
			return nil, fmt.Errorf("license policy: exception %d (%q) needs a package and a reason", i, e.Package)
		}
		p.excepted[e.Package] = true
	}
	return &p, nil
}

func set(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[normalize(id)] = true
	}
	return m
}

// Violation is a package whose license the policy does not allow.
type Violation struct {
	Package Package
	Denied  []string // denied ids it declares
	Unknown []string // ids in neither list, unparsable expressions, or "" for none declared
}

// String names the package and what is wrong with its license.
func (v Violation) String() string {
	s := v.Package.Name + " " + v.Package.Version
	if v.Package.Dev {
		s += " (dev)"
	}
	var why []string
	if len(v.Denied) > 0 {
		why = append(why, "denied license "+strings.Join(v.Denied, ", "))
	}
	if len(v.Unknown) == 1 && v.Unknown[0] == "" {
		why = append(why, "declares no license")
	} else if len(v.Unknown) > 0 {
		why = append(why, "license not in the allowlist: "+strings.Join(v.Unknown, ", "))
	}
	return s + ": " + strings.Join(why, "; ")
}
