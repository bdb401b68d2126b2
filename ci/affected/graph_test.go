package affected

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// fixtureGraph loads the synthetic repository under testdata/repo.
func fixtureGraph(t *testing.T) Graph {
	t.Helper()
	g, err := LoadGraph(os.DirFS("testdata/repo"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoadGraph(t *testing.T) {
	want := Graph{
		Services: map[string]string{
			"bff": "services/bff", "audit": "services/audit",
			"llm-agent": "services/llm-agent", "notification": "services/notification",
		},
		Packages: map[string]string{
			"services/shared": "platform/shared", "services/shared-http": "platform/shared-http",
		},
		Requires: map[string][]string{
			"services/bff":          {"php", "platform/shared"},
			"services/audit":        {"ext-pdo", "php"},
			"services/llm-agent":    {"php", "platform/shared-http"},
			"services/notification": {"php", "platform/shared"},
			"services/shared":       {"php", "platform/shared-http"},
			"services/shared-http":  {"php"},
			"services/legacy":       nil,
		},
	}
	if got := fixtureGraph(t); !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %#v\nwant %#v", got, want)
	}
}

func composer(service, repos string, require ...string) *fstest.MapFile {
	extra := ""
	if service != "" {
		extra = `,"extra":{"platform":{"service":"` + service + `"}}`
	}
	req := `"php":"*"`
	for _, r := range require {
		req += `,"` + r + `":"*"`
	}
	return &fstest.MapFile{Data: []byte(`{"name":"platform/` + service + `","require":{` + req + `},"repositories":` + repos + extra + `}`)}
}

func TestLoadGraphErrors(t *testing.T) {
	tests := []struct {
		name string
		in   fstest.MapFS
		want string
	}{
		{name: "no services", in: fstest.MapFS{"README.md": {}}, want: "no services/*/composer.json found"},
		{name: "path repo points nowhere", in: fstest.MapFS{
			"services/a/composer.json": composer("a", `[{"type":"path","url":"../sharde"}]`),
		}, want: `services/a/composer.json: path repository "../sharde" points nowhere: services/sharde/composer.json does not exist`},
		{name: "path repo outside the repository", in: fstest.MapFS{
			"services/a/composer.json": composer("a", `[{"type":"path","url":"../../../lib"}]`),
		}, want: "points outside the repository"},
		{name: "absolute path repo", in: fstest.MapFS{
			"services/a/composer.json": composer("a", `[{"type":"path","url":"/opt/lib"}]`),
		}, want: `path repository "/opt/lib" is absolute`},
		{name: "path repo without url", in: fstest.MapFS{
			"services/a/composer.json": composer("a", `[{"type":"path"}]`),
		}, want: `path repository "" has no url`},
		{name: "shared package without name", in: fstest.MapFS{
			"services/a/composer.json":   composer("a", `[{"type":"path","url":"../lib"}]`),
			"services/lib/composer.json": {Data: []byte(`{}`)},
		}, want: `services/lib/composer.json has no "name"`},
		{name: "malformed composer.json", in: fstest.MapFS{
			"services/a/composer.json": {Data: []byte(`{"name":`)},
		}, want: "services/a/composer.json: unexpected end of JSON input"},
		{name: "repositories not a list", in: fstest.MapFS{
			"services/a/composer.json": composer("a", `"../lib"`),
		}, want: "services/a/composer.json: repositories: neither a list nor an object"},
		{name: "duplicate service", in: fstest.MapFS{
			"services/a/composer.json": composer("x", `[]`),
			"services/b/composer.json": composer("x", `[]`),
		}, want: `service "x" is already declared by services/a/composer.json`},
		{name: "empty service name", in: fstest.MapFS{
			"services/a/composer.json": {Data: []byte(`{"extra":{"platform":{"service":""}}}`)},
		}, want: `extra.platform.service "" is not a service name`},
		{name: "service name not a string", in: fstest.MapFS{
			"services/a/composer.json": {Data: []byte(`{"extra":{"platform":{"service":true}}}`)},
		}, want: "services/a/composer.json: json: cannot unmarshal bool"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadGraph(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadGraphCycleAndGlob(t *testing.T) {
	fsys := fstest.MapFS{
		"services/a/composer.json":      composer("a", `[{"type":"path","url":"../../packages/*"}]`, "platform/p"),
		"packages/p/composer.json":      {Data: []byte(`{"name":"platform/p","require":{"platform/q":"*"},"repositories":[{"type":"path","url":"../q"}]}`)},
		"packages/q/composer.json":      {Data: []byte(`{"name":"platform/q","require":{"platform/p":"*"},"repositories":[{"type":"path","url":"../p"}]}`)},
		"packages/q/src/Deep.php":       {},
		"services/a/src/Controller.php": {},
	}
	g, err := LoadGraph(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := g.Affected([]string{"packages/q/src/Deep.php"})
	want := []string{"packages/q/src/Deep.php (via platform/p → platform/q)"}
	if !reflect.DeepEqual(got.Reasons["a"], want) {
		t.Fatalf("got %q, want %q", got.Reasons["a"], want)
	}
}

func TestServiceNames(t *testing.T) {
	want := []string{"audit", "bff", "llm-agent", "notification"}
	if got := fixtureGraph(t).ServiceNames(); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
