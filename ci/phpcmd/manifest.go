package phpcmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Manifest is a service's extra.platform section of composer.json: what the
// pipeline and the infrastructure need to know to test, build and run it.
type Manifest struct {
	// Service is the service name, also the directory under services/.
	Service string `json:"service"`
	// Port is the HTTP port inside the container.
	Port int `json:"port"`
	// Postgres says the service needs PostgreSQL (DATABASE_URL).
	Postgres bool `json:"postgres"`
	// Redis says the service needs Redis (REDIS_URL).
	Redis bool `json:"redis"`
	// Migrate is the migration command, required exactly when Postgres is true.
	Migrate []string `json:"migrate,omitempty"`
}

// ErrNoManifest marks a composer.json without extra.platform: a library such
// as services/shared, not a service.
var ErrNoManifest = errors.New("no extra.platform section")

var serviceName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

const manifestExample = `add "extra": {"platform": {"service": "<name>", "port": 8080, "postgres": false, "redis": false}} to composer.json`

// ParseManifest reads and validates the extra.platform section of a
// composer.json. Errors say what is wrong and how to fix it; a composer.json
// without the section returns an error wrapping ErrNoManifest.
func ParseManifest(composerJSON []byte) (Manifest, error) {
	var doc struct {
		Name  string                     `json:"name"`
		Extra map[string]json.RawMessage `json:"extra"`
	}
	if err := json.Unmarshal(composerJSON, &doc); err != nil {
		return Manifest{}, fmt.Errorf("composer.json is not valid JSON: %w", err)
	}
	raw, ok := doc.Extra["platform"]
	if !ok {
		return Manifest{}, fmt.Errorf("%w in composer.json: %s", ErrNoManifest, manifestExample)
	}
	m, err := decodeManifest(raw)
	if err != nil {
		return Manifest{}, err
	}
	if want := "platform/" + m.Service; doc.Name != want {
		return Manifest{}, fmt.Errorf("composer.json name is %q but extra.platform.service is %q: set \"name\": %q", doc.Name, m.Service, want)
	}
	return m, nil
}

func decodeManifest(raw json.RawMessage) (Manifest, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return Manifest{}, fmt.Errorf("extra.platform must be a JSON object: %s", manifestExample)
	}
	for _, name := range []string{"service", "port", "postgres", "redis"} {
		if _, ok := fields[name]; !ok {
			return Manifest{}, fmt.Errorf("extra.platform.%s is missing: %s", name, manifestExample)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("extra.platform: %s (known fields: service, port, postgres, redis, migrate)", strings.TrimPrefix(err.Error(), "json: "))
	}
	return m, m.validate()
}

func (m Manifest) validate() error {
	switch {
	case !serviceName.MatchString(m.Service):
		return fmt.Errorf("extra.platform.service %q must be lower-case letters, digits and single dashes, starting with a letter", m.Service)
	case m.Port < 1 || m.Port > 65535:
		return fmt.Errorf("extra.platform.port %d is not a TCP port: use 1-65535 (services listen on 8080)", m.Port)
	case m.Postgres && len(m.Migrate) == 0:
		return fmt.Errorf(`extra.platform.migrate is missing but postgres is true: add "migrate": ["php", "bin/migrate.php"]`)
	case !m.Postgres && m.Migrate != nil:
		return fmt.Errorf("extra.platform.migrate is set but postgres is false: remove migrate, or set postgres to true")
	}
	for i, arg := range m.Migrate {
		if strings.TrimSpace(arg) == "" {
			return fmt.Errorf("extra.platform.migrate[%d] is empty: every argument must be a non-empty string", i)
		}
	}
	return nil
}
