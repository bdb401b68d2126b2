package phpcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDiscover(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"validation/composer.json": composer("platform/validation", `{"service": "validation", "port": 8080, "postgres": false, "redis": false}`),
		"audit/composer.json":      composer("platform/audit", `{"service": "audit", "port": 8080, "postgres": true, "redis": false, "migrate": ["php", "bin/migrate.php"]}`),
		"shared/composer.json":     `{"name": "platform/shared", "type": "library"}`,
		"docs/README.md":           "not a package",
		"README.md":                "a file, not a directory",
	})
	pkgs, err := Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pkgs {
		kind := "library"
		if p.Manifest != nil {
			kind = p.Manifest.Service
		}
		got = append(got, p.Name+"="+kind)
		if p.Dir != filepath.Join(dir, p.Name) {
			t.Errorf("%s: dir %s", p.Name, p.Dir)
		}
	}
	if want := "audit=audit shared=library validation=validation"; strings.Join(got, " ") != want {
		t.Fatalf("got %q, want %q", strings.Join(got, " "), want)
	}
}

func TestDiscoverErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"project without manifest", map[string]string{"bff/composer.json": `{"name": "platform/bff"}`}, "services/bff/composer.json: no extra.platform section"},
		{"directory mismatch", map[string]string{"gateway/composer.json": composer("platform/bff", `{"service": "bff", "port": 8080, "postgres": false, "redis": true}`)},
			`services/gateway/composer.json: extra.platform.service is "bff" but the directory is "gateway"`},
		{"invalid manifest", map[string]string{"bff/composer.json": composer("platform/bff", `{"service": "bff"}`)}, "extra.platform.port is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Discover(writeTree(t, tt.files))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := Discover(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "list services") {
		t.Fatalf("missing dir: %v", err)
	}
}
