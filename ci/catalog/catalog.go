// Package catalog finds the services in the repository: every directory under
// services/ whose composer.json carries an `extra.platform` manifest. Services
// are data: adding one is adding a directory, never editing the pipeline.
package catalog

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"dagger/platform/phpcmd"
)

// Manifest is a service's `extra.platform` section of composer.json. Its one
// parser is phpcmd.ParseManifest, shared with the host runner.
type Manifest = phpcmd.Manifest

// Example is the manifest form quoted in error messages.
const Example = `"extra": {"platform": {"service": "audit", "port": 8080, "postgres": true, "redis": false, "migrate": ["php", "bin/migrate.php"]}}`

// Catalog is the validated, sorted list of services.
type Catalog []Manifest

// Discover builds the catalog from the composer.json of every directory under
// services/ (keyed by directory name). Shared packages (no manifest) are left out.
func Discover(composerJSONs map[string][]byte) (Catalog, error) {
	if len(composerJSONs) == 0 {
		return nil, fmt.Errorf("no services: services/ is missing or has no */composer.json; each service needs services/<name>/composer.json with %s", Example)
	}
	var out Catalog
	for dir, data := range composerJSONs {
		m, err := phpcmd.ParseManifest(data)
		if errors.Is(err, phpcmd.ErrNoManifest) {
			continue // a shared package
		}
		if err != nil {
			return nil, fmt.Errorf("services/%s/composer.json: %w", dir, err)
		}
		if m.Service != dir {
			return nil, fmt.Errorf("services/%s/composer.json: extra.platform.service is %q but the directory is %q; make them equal", dir, m.Service, dir)
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no services: no composer.json under services/ has an extra.platform section like %s", Example)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Service < out[j].Service })
	return out, nil
}

// Names lists the service names.
func (c Catalog) Names() []string {
	out := make([]string, len(c))
	for i, m := range c {
		out[i] = m.Service
	}
	return out
}

// Lookup returns the named service, or an error listing the known ones.
func (c Catalog) Lookup(name string) (Manifest, error) {
	for _, m := range c {
		if m.Service == name {
			return m, nil
		}
	}
	return Manifest{}, fmt.Errorf("unknown service %q: known services are %s", name, strings.Join(c.Names(), ", "))
}

// Select resolves a list of names (empty means all), rejecting unknown ones.
func (c Catalog) Select(names []string) (Catalog, error) {
	if len(names) == 0 {
		return c, nil
	}
	var out Catalog
	seen := map[string]bool{}
	for _, n := range names {
		m, err := c.Lookup(n)
		if err != nil {
			return nil, err
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Service < out[j].Service })
	return out, nil
}
