// Package catalog finds the services in the repository: every directory under
// services/ whose composer.json carries an `extra.platform` manifest. Services
// are data: adding one is adding a directory, never editing the pipeline.
package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Manifest is a service's `extra.platform` section of composer.json.
type Manifest struct {
	Service  string   `json:"service"`  // the service name, equal to its directory name
	Port     int      `json:"port"`     // the HTTP port in the container
	Postgres bool     `json:"postgres"` // integration tests and Serve need PostgreSQL
	Redis    bool     `json:"redis"`    // integration tests and Serve need Redis
	Migrate  []string `json:"migrate"`  // migration command, run in the service directory; required with postgres
}

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Example is the manifest form quoted in error messages.
const Example = `"extra": {"platform": {"service": "audit", "port": 8080, "postgres": true, "redis": false, "migrate": ["php", "bin/migrate.php"]}}`

// ParseManifest reads the manifest from a composer.json. It reports ok=false
// (and no error) for a composer.json without `extra.platform`: a shared package.
func ParseManifest(composerJSON []byte) (m Manifest, ok bool, err error) {
	var doc struct {
		Extra struct {
			Platform json.RawMessage `json:"platform"`
		} `json:"extra"`
	}
	if err := json.Unmarshal(composerJSON, &doc); err != nil {
		return Manifest{}, false, fmt.Errorf("composer.json is not valid JSON: %w", err)
	}
	if len(doc.Extra.Platform) == 0 || string(doc.Extra.Platform) == "null" {
		return Manifest{}, false, nil
	}
	dec := json.NewDecoder(bytes.NewReader(doc.Extra.Platform))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, true, fmt.Errorf("extra.platform: %w; want %s", err, Example)
	}
	return m, true, m.validate()
}

func (m Manifest) validate() error {
	switch {
	case !nameRE.MatchString(m.Service):
		return fmt.Errorf("extra.platform.service %q: want a lowercase name like workflow-orchestrator", m.Service)
	case m.Port < 1 || m.Port > 65535:
		return fmt.Errorf("extra.platform.port %d: want a TCP port (1-65535), e.g. 8080", m.Port)
	case m.Postgres && len(m.Migrate) == 0:
		return fmt.Errorf("extra.platform.migrate is missing: a service with postgres needs its migration command, e.g. [\"php\", \"bin/migrate.php\"]")
	case !m.Postgres && len(m.Migrate) > 0:
		return fmt.Errorf("extra.platform.migrate is set but postgres is false: remove migrate or set postgres to true")
	}
	for _, a := range m.Migrate {
		if strings.TrimSpace(a) == "" {
			return fmt.Errorf("extra.platform.migrate has an empty argument")
		}
	}
	return nil
}

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
		m, ok, err := ParseManifest(data)
		if err != nil {
			return nil, fmt.Errorf("services/%s/composer.json: %w", dir, err)
		}
		if !ok {
			continue
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
