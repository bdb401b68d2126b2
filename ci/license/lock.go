// Package license checks the Composer dependencies of each service against
// the repository's license policy (security/licenses.json), and reads
// `composer audit` output, both from the service's composer.lock.
//
// It imports no Dagger: the scan stage feeds it the lock and the audit output.
package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Package is one locked dependency.
type Package struct {
	Name     string
	Version  string
	Licenses []string // SPDX ids or expressions; several mean any of them (OR)
	Dev      bool     // from packages-dev
}

// Lock is the part of composer.lock the policy reads.
type Lock struct {
	Packages []Package
}

type lockPackage struct {
	Name    string          `json:"name"`
	Version string          `json:"version"`
	License json.RawMessage `json:"license"`
}

// ParseLock reads composer.lock. It fails closed: empty input, malformed JSON,
// a missing "packages" array or a package without a name is an error.
func ParseLock(data []byte) (*Lock, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("composer.lock is empty")
	}
	var raw struct {
		Packages    *[]lockPackage `json:"packages"`
		PackagesDev []lockPackage  `json:"packages-dev"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("composer.lock: %w", err)
	}
	if raw.Packages == nil {
		return nil, errors.New(`composer.lock has no "packages" array`)
	}
	lock := &Lock{}
	if err := lock.add(*raw.Packages, false); err != nil {
		return nil, err
	}
	if err := lock.add(raw.PackagesDev, true); err != nil {
		return nil, err
	}
	return lock, nil
}

func (l *Lock) add(pkgs []lockPackage, dev bool) error {
	for i, p := range pkgs {
		if p.Name == "" {
			return fmt.Errorf("composer.lock: package %d has no name", i)
		}
		licenses, err := parseLicenseField(p.License)
		if err != nil {
			return fmt.Errorf("composer.lock: package %s: %w", p.Name, err)
		}
		l.Packages = append(l.Packages, Package{Name: p.Name, Version: p.Version, Licenses: licenses, Dev: dev})
	}
	return nil
}

// parseLicenseField accepts what Composer writes: an array of strings, or a
// single string (composer.json allows both); absent means no license.
func parseLicenseField(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	var one string
	if err := json.Unmarshal(raw, &one); err != nil {
		return nil, fmt.Errorf("license must be a string or an array of strings: %s", raw)
	}
	return []string{one}, nil
}
