package daggertest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dagger.io/dagger"

	"dagger/platform/daggertest"
)

func connect(t *testing.T) (*daggertest.Engine, *dagger.Client) {
	t.Helper()
	eng := daggertest.New()
	c, err := dagger.Connect(context.Background(), dagger.WithConn(eng))
	if err != nil {
		t.Fatal(err)
	}
	return eng, c
}

func TestObjectArgumentsBecomeNestedSteps(t *testing.T) {
	eng, c := connect(t)
	dir := t.TempDir()
	src := c.Host().Directory(dir)
	_, err := c.Container().From("php:8.3-cli").
		WithMountedDirectory("/src", src).
		WithMountedCache("/cache", c.CacheVolume("composer"), dagger.ContainerWithMountedCacheOpts{Sharing: dagger.CacheSharingModeLocked}).
		WithExec([]string{"composer", "install"}).
		Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cs := eng.Containers()
	if len(cs) != 1 {
		t.Fatalf("want 1 container, got %d", len(cs))
	}
	ctr := cs[0]
	if ctr.Image != "php:8.3-cli" {
		t.Errorf("image = %q", ctr.Image)
	}
	m, ok := ctr.Execs[0].Mount("/src")
	if !ok || m.Kind != "directory" || m.Source == nil || m.Source.Field != "directory" || m.Source.Args.String("path") != dir {
		t.Errorf("/src mount = %+v, want the host directory %s", m, dir)
	}
	cache, _ := ctr.Mount("/cache")
	if cache.Cache != "composer" || cache.Sharing != "LOCKED" {
		t.Errorf("cache mount = %+v", cache)
	}
	eng.NameHost(dir, "$SRC")
	if plan := eng.Plan(); !strings.Contains(plan, `directory path="$SRC"`) {
		t.Errorf("plan does not render the nested host directory:\n%s", plan)
	}
}

func post(t *testing.T, eng *daggertest.Engine, query string) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, "http://x/query", bytes.NewReader(body))
	resp, err := eng.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestArgumentOrderDoesNotChangeThePlan(t *testing.T) {
	eng := daggertest.New()
	a := post(t, eng, `query Query {container{withEnvVariable(name:"A", value:"1", expand:true){id}}}`)
	b := post(t, eng, `query Query {container{withEnvVariable(expand:true, value:"1", name:"A"){id}}}`)
	idA := a["data"].(map[string]any)["container"].(map[string]any)["withEnvVariable"].(map[string]any)["id"]
	idB := b["data"].(map[string]any)["container"].(map[string]any)["withEnvVariable"].(map[string]any)["id"]
	if idA == nil || idA != idB {
		t.Fatalf("same chain with permuted arguments got ids %v and %v", idA, idB)
	}
}

func TestCannedExecErrorIsAnExecError(t *testing.T) {
	eng, c := connect(t)
	eng.OnExec(daggertest.ArgvContains("phpstan", "analyse"), daggertest.ExecResult{ExitCode: 2, Stdout: "out", Stderr: "Found 3 errors"})
	_, err := c.Container().From("php:8.3-cli").
		WithExec([]string{"phpstan", "analyse"}).
		WithExec([]string{"echo", "after"}).
		Stdout(context.Background())
	var ee *dagger.ExecError
	if !errors.As(err, &ee) {
		t.Fatalf("want *dagger.ExecError, got %T: %v", err, err)
	}
	if ee.ExitCode != 2 || ee.Stderr != "Found 3 errors" || strings.Join(ee.Cmd, " ") != "phpstan analyse" {
		t.Errorf("exec error = %+v", ee)
	}
	// With expect ANY the exit code is data, not an error.
	code, err := c.Container().From("php:8.3-cli").
		WithExec([]string{"phpstan", "analyse"}, dagger.ContainerWithExecOpts{Expect: dagger.ReturnTypeAny}).
		ExitCode(context.Background())
	if err != nil || code != 2 {
		t.Errorf("expect ANY: code=%d err=%v, want 2 and no error", code, err)
	}
}

func TestExecErrorPropagatesThroughObjectArguments(t *testing.T) {
	eng, c := connect(t)
	eng.OnExec(daggertest.ArgvContains("build"), daggertest.ExecResult{ExitCode: 1})
	built := c.Container().From("golang").WithExec([]string{"build"}).Directory("/out")
	_, err := c.Container().From("alpine").WithDirectory("/in", built).Sync(context.Background())
	var ee *dagger.ExecError
	if !errors.As(err, &ee) || ee.ExitCode != 1 {
		t.Fatalf("want the nested exec's error, got %v", err)
	}
}

func TestSecretsShowByNameOnly(t *testing.T) {
	eng, c := connect(t)
	const value = "s3cr3t-value-123"
	tok := c.SetSecret("registry-token", value)
	_, err := c.Container().From("alpine").
		WithSecretVariable("TOKEN", tok).
		WithMountedSecret("/run/secrets/token", c.Secret("env:OTHER")).
		WithExec([]string{"sh", "-c", "login"}).Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctr := eng.Containers()[0]
	if ctr.Execs[0].Secrets["TOKEN"] != "registry-token" {
		t.Errorf("secret env = %v", ctr.Execs[0].Secrets)
	}
	if m, _ := ctr.Mount("/run/secrets/token"); m.Secret != "env:OTHER" {
		t.Errorf("secret mount = %+v", m)
	}
	if strings.Contains(eng.Plan(), value) {
		t.Error("plan shows a secret value")
	}
	if leaks := eng.Leaks(value); len(leaks) != 0 {
		t.Errorf("secret value left setSecret: %v", leaks)
	}
	// The check itself must see a leak when there is one.
	_, _ = c.Container().From("alpine").WithEnvVariable("TOKEN", value).Sync(context.Background())
	if len(eng.Leaks(value)) == 0 {
		t.Error("Leaks missed a secret value passed as a plain env variable")
	}
}

func TestServiceBindingsResolveToTheirContainer(t *testing.T) {
	eng, c := connect(t)
	pg := c.Container().From("postgres:15-alpine").WithExposedPort(5432).AsService()
	_, err := c.Container().From("php:8.3-cli").
		WithServiceBinding("postgres", pg).
		WithEnvVariable("DATABASE_URL", "postgres://postgres@postgres:5432/app").
		WithExec([]string{"php", "bin/migrate.php"}).Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ex := eng.Containers()[0].Execs[0]
	b, ok := ex.Service("postgres")
	if !ok || b.Container == nil || b.Container.Image != "postgres:15-alpine" || len(b.Container.Ports) != 1 || b.Container.Ports[0] != 5432 {
		t.Fatalf("binding = %+v", b)
	}
}

func TestHostDirectoriesAreReadFromDisk(t *testing.T) {
	eng, c := connect(t)
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, "services", "bff"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, "services", "bff", "composer.json"), []byte(`{"name":"x"}`), 0o644))
	ctx := context.Background()
	src := c.Host().Directory(root)
	ents, err := src.Directory("services").Entries(ctx)
	if err != nil || strings.Join(ents, ",") != "bff/" {
		t.Fatalf("entries = %v, %v", ents, err)
	}
	got, err := src.File("services/bff/composer.json").Contents(ctx)
	if err != nil || got != `{"name":"x"}` {
		t.Fatalf("contents = %q, %v", got, err)
	}
	matches, err := src.Glob(ctx, "services/*/composer.json")
	if err != nil || strings.Join(matches, ",") != "services/bff/composer.json" {
		t.Fatalf("glob = %v, %v", matches, err)
	}
	// A leaf the engine cannot evaluate is an error that says how to answer it.
	_, err = c.Container().From("alpine").File("/x").Contents(ctx)
	if err == nil || !strings.Contains(err.Error(), "register an answer") {
		t.Fatalf("want an error naming the fix, got %v", err)
	}
	eng.FileContents("/x", "canned")
	if got, _ := c.Container().From("alpine").File("/x").Contents(ctx); got != "canned" {
		t.Errorf("canned contents = %q", got)
	}
}

func TestRoundTripsCountEveryRequest(t *testing.T) {
	eng, c := connect(t)
	dir := c.Directory()
	_, _ = c.Container().From("a").WithDirectory("/d", dir).Sync(context.Background())
	// one id lookup for the directory argument, one sync
	if n := eng.RoundTrips(); n != 2 {
		t.Errorf("round trips = %d, want 2", n)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestPublishedAddressesAndEntrypoints(t *testing.T) {
	eng, c := connect(t)
	ctx := context.Background()
	ref, err := c.Container().From("alpine").
		WithEntrypoint([]string{"/app/server"}).
		WithExec([]string{"--check"}, dagger.ContainerWithExecOpts{UseEntrypoint: true}).
		Publish(ctx, "127.0.0.1:5000/platform/bff:1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ref, "127.0.0.1:5000/platform/bff:1.2.3@sha256:") {
		t.Errorf("publish returned %q, want the address with a digest", ref)
	}
	pub := eng.Published()
	ctr, ok := pub["127.0.0.1:5000/platform/bff:1.2.3"]
	if !ok || len(pub) != 1 {
		t.Fatalf("published = %v", pub)
	}
	if strings.Join(ctr.Entrypoint, " ") != "/app/server" || !ctr.Execs[0].UseEntrypoint {
		t.Errorf("entrypoint = %v, exec uses it: %v", ctr.Entrypoint, ctr.Execs[0].UseEntrypoint)
	}
}

func TestMemoryDirectoriesAreEvaluated(t *testing.T) {
	_, c := connect(t)
	ctx := context.Background()
	host := t.TempDir()
	must(t, os.WriteFile(filepath.Join(host, "a.txt"), []byte("from host"), 0o644))
	dir := c.Directory().
		WithNewFile("summary.md", "# report").
		WithDirectory("copied", c.Host().Directory(host)).
		WithFile("again.md", c.Directory().WithNewFile("x/y.md", "nested").File("x/y.md"))
	for path, want := range map[string]string{"summary.md": "# report", "copied/a.txt": "from host", "again.md": "nested"} {
		got, err := dir.File(path).Contents(ctx)
		if err != nil || got != want {
			t.Errorf("%s = %q, %v; want %q", path, got, err, want)
		}
	}
	if got, err := dir.Directory("copied").File("a.txt").Contents(ctx); err != nil || got != "from host" {
		t.Errorf("subdirectory file = %q, %v", got, err)
	}
	if _, err := dir.File("missing.md").Contents(ctx); err == nil {
		t.Errorf("a missing file was read")
	}
}
