package phpcmd

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func composer(name, platform string) string {
	return `{"name": "` + name + `", "extra": {"platform": ` + platform + `}}`
}

func TestParseManifest(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Manifest
	}{
		{"redis only", composer("platform/bff", `{"service": "bff", "port": 8080, "postgres": false, "redis": true}`),
			Manifest{Service: "bff", Port: 8080, Redis: true}},
		{"postgres with migrate", composer("platform/workflow-orchestrator", `{"service": "workflow-orchestrator", "port": 8080, "postgres": true, "redis": true, "migrate": ["php", "bin/migrate.php"]}`),
			Manifest{Service: "workflow-orchestrator", Port: 8080, Postgres: true, Redis: true, Migrate: []string{"php", "bin/migrate.php"}}},
		{"other extra sections kept out", `{"name": "platform/audit", "extra": {"branch-alias": {}, "platform": {"service": "audit", "port": 9000, "postgres": true, "redis": false, "migrate": ["php", "bin/migrate.php"]}}}`,
			Manifest{Service: "audit", Port: 9000, Postgres: true, Migrate: []string{"php", "bin/migrate.php"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseManifest([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseManifestErrors(t *testing.T) {
	valid := `"service": "bff", "port": 8080, "postgres": false, "redis": true`
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"not json", `{`, "composer.json is not valid JSON"},
		{"no section", `{"name": "platform/shared"}`, `no extra.platform section in composer.json: add "extra": {"platform"`},
		{"not object", composer("platform/bff", `[]`), "extra.platform must be a JSON object"},
		{"null", composer("platform/bff", `null`), "extra.platform must be a JSON object"},
		{"missing service", composer("platform/bff", `{"port": 8080, "postgres": false, "redis": true}`), "extra.platform.service is missing"},
		{"missing port", composer("platform/bff", `{"service": "bff", "postgres": false, "redis": true}`), "extra.platform.port is missing"},
		{"missing redis", composer("platform/bff", `{"service": "bff", "port": 8080, "postgres": false}`), "extra.platform.redis is missing"},
		{"unknown field", composer("platform/bff", `{`+valid+`, "mysql": true}`), `extra.platform: unknown field "mysql" (known fields: service, port, postgres, redis, migrate)`},
		{"wrong type", composer("platform/bff", `{"service": "bff", "port": "8080", "postgres": false, "redis": true}`), "extra.platform: cannot unmarshal string"},
		{"bad name", composer("platform/Bff", `{"service": "Bff", "port": 8080, "postgres": false, "redis": true}`), `extra.platform.service "Bff" must be lower-case`},
		{"port zero", composer("platform/bff", `{"service": "bff", "port": 0, "postgres": false, "redis": true}`), "extra.platform.port 0 is not a TCP port"},
		{"port high", composer("platform/bff", `{"service": "bff", "port": 70000, "postgres": false, "redis": true}`), "extra.platform.port 70000 is not a TCP port"},
		{"migrate missing", composer("platform/audit", `{"service": "audit", "port": 8080, "postgres": true, "redis": false}`), `extra.platform.migrate is missing but postgres is true: add "migrate": ["php", "bin/migrate.php"]`},
		{"migrate empty", composer("platform/audit", `{"service": "audit", "port": 8080, "postgres": true, "redis": false, "migrate": []}`), "extra.platform.migrate is missing but postgres is true"},
		{"migrate without postgres", composer("platform/bff", `{`+valid+`, "migrate": ["php", "bin/migrate.php"]}`), "extra.platform.migrate is set but postgres is false"},
		{"migrate blank arg", composer("platform/audit", `{"service": "audit", "port": 8080, "postgres": true, "redis": false, "migrate": ["php", " "]}`), "extra.platform.migrate[1] is empty"},
		{"name mismatch", composer("platform/gateway", `{`+valid+`}`), `composer.json name is "platform/gateway" but extra.platform.service is "bff": set "name": "platform/bff"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseManifest([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseManifestNoSectionIsErrNoManifest(t *testing.T) {
	_, err := ParseManifest([]byte(`{"name": "platform/shared", "type": "library"}`))
	if !errors.Is(err, ErrNoManifest) {
		t.Fatalf("got %v, want ErrNoManifest", err)
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(composer("platform/bff", `{"service": "bff", "port": 8080, "postgres": false, "redis": true}`)))
	f.Add([]byte(composer("platform/audit", `{"service": "audit", "port": 8080, "postgres": true, "redis": false, "migrate": ["php", "bin/migrate.php"]}`)))
	f.Add([]byte(`{"extra": {"platform": null}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if !serviceName.MatchString(m.Service) || m.Port < 1 || m.Port > 65535 || m.Postgres != (len(m.Migrate) > 0) {
			t.Fatalf("accepted an invalid manifest %+v from %q", m, data)
		}
	})
}
