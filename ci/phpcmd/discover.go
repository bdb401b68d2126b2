package phpcmd

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Package is one composer package under services/: a service with its
// manifest, or a library (Manifest nil) such as services/shared.
type Package struct {
	// Name is the directory name.
	Name string
	// Dir is the package directory.
	Dir string
	// Manifest is the service manifest; nil for a library.
	Manifest *Manifest
}

// Discover lists the packages under servicesDir, sorted by name: every
// directory with a composer.json. A composer.json of "type": "library"
// without extra.platform is a library; any other must hold a valid manifest
// whose service matches its directory.
func Discover(servicesDir string) ([]Package, error) {
	entries, err := os.ReadDir(servicesDir)
	if err != nil {
		return nil, fmt.Errorf("list services: %w", err)
	}
	var pkgs []Package
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(servicesDir, e.Name(), "composer.json"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		pkg, err := classify(e.Name(), filepath.Join(servicesDir, e.Name()), data)
		if err != nil {
			return nil, fmt.Errorf("services/%s/composer.json: %w", e.Name(), err)
		}
		pkgs = append(pkgs, pkg)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Name < pkgs[j].Name })
	return pkgs, nil
}

func classify(name, dir string, composerJSON []byte) (Package, error) {
	m, err := ParseManifest(composerJSON)
	if errors.Is(err, ErrNoManifest) && isLibrary(composerJSON) {
		return Package{Name: name, Dir: dir}, nil
	}
	if err != nil {
		return Package{}, err
	}
	if m.Service != name {
		return Package{}, fmt.Errorf("extra.platform.service is %q but the directory is %q: rename one to match", m.Service, name)
	}
	return Package{Name: name, Dir: dir, Manifest: &m}, nil
}

// isLibrary reports whether a composer.json declares "type": "library".
func isLibrary(composerJSON []byte) bool {
	var doc struct {
		Type string `json:"type"`
	}
	return json.Unmarshal(composerJSON, &doc) == nil && doc.Type == "library"
}
