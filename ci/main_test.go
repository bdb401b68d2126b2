package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dagger/platform/daggertest"
)

// fixtureRepo writes a repository with the given services/<dir>/composer.json files.
func fixtureRepo(t *testing.T, composer map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for dir, body := range composer {
		p := filepath.Join(root, "services", dir, "composer.json")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func newPlatform(t *testing.T, root string) (*Platform, *daggertest.Engine, error) {
	t.Helper()
	eng := daggertest.Use(t)
	eng.NameHost(root, "$REPO")
	p, err := New(context.Background(), dag.Host().Directory(root), "ghcr.io", "ai-workflow-platform", "8.3", 4)
	return p, eng, err
}

const (
	auditJSON  = `{"name":"platform/audit","extra":{"platform":{"service":"audit","port":8080,"postgres":true,"redis":false,"migrate":["php","bin/migrate.php"]}}}`
	bffJSON    = `{"name":"platform/bff","extra":{"platform":{"service":"bff","port":8080,"postgres":false,"redis":true}}}`
	sharedJSON = `{"name":"platform/shared"}`
)

func TestNewDiscoversServices(t *testing.T) {
	root := fixtureRepo(t, map[string]string{"audit": auditJSON, "bff": bffJSON, "shared": sharedJSON})
	p, _, err := newPlatform(t, root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range p.Services() {
		names = append(names, s.Name)
	}
	if strings.Join(names, ",") != "audit,bff" {
		t.Fatalf("services = %v", names)
	}
	if a := p.Services()[0]; !a.Postgres || a.Redis || strings.Join(a.Migrate, " ") != "php bin/migrate.php" {
		t.Errorf("audit = %+v", a)
	}
	if _, err := p.service("nope"); err == nil || !strings.Contains(err.Error(), "known services are audit, bff") {
		t.Errorf("unknown service error = %v", err)
	}
}

func TestNewRejectsBadInput(t *testing.T) {
	tests := []struct {
		name     string
		composer map[string]string
		mutate   func(*[4]any)
		want     string
	}{
		{name: "no services directory", want: "services/ is missing"},
		{name: "only a shared package", composer: map[string]string{"shared": sharedJSON}, want: "no composer.json under services/ has an extra.platform"},
		{name: "malformed manifest", composer: map[string]string{"bff": `{"extra":{"platform":{"service":"bff"}}}`}, want: "services/bff/composer.json: extra.platform.port is missing"},
		{name: "bad registry", composer: map[string]string{"bff": bffJSON}, mutate: func(a *[4]any) { a[0] = "https://x" }, want: "--registry"},
		{name: "bad concurrency", composer: map[string]string{"bff": bffJSON}, mutate: func(a *[4]any) { a[3] = 0 }, want: "--concurrency 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixtureRepo(t, tt.composer)
			daggertest.Use(t)
			args := [4]any{"ghcr.io", "ai-workflow-platform", "8.3", 4}
			if tt.mutate != nil {
				tt.mutate(&args)
			}
			_, err := New(context.Background(), dag.Host().Directory(root), args[0].(string), args[1].(string), args[2].(string), args[3].(int))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestExecErrorReachesModuleCode shows the harness's canned exec failure
// arriving in module code, through the stand-in `dag`, as the module's own
// ExecError type with its exit code and output.
func TestExecErrorReachesModuleCode(t *testing.T) {
	eng := daggertest.Use(t)
	eng.OnExec(daggertest.ArgvContains("phpstan"), daggertest.ExecResult{ExitCode: 1, Stderr: "Found 3 errors"})
	_, err := dag.Container().From("php:8.3-cli").WithExec([]string{"phpstan", "analyse"}).Sync(context.Background())
	var ee *ExecError
	if !errors.As(err, &ee) || ee.ExitCode != 1 || ee.Stderr != "Found 3 errors" {
		t.Fatalf("err = %#v, want *ExecError with exit code 1 and the stderr", err)
	}
}
