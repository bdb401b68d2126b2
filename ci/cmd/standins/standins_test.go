package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// moduleDir is ci/, where the stand-ins must already be generated (make test
// runs go generate first; this test regenerates them into a copy anyway).
const moduleDir = "../.."

func TestGeneratedAPIMirrorsTheSDK(t *testing.T) {
	dir := copyModule(t)
	src, err := os.ReadFile(filepath.Join(dir, "internal", "dagger", "dagger.gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"type Container = sdk.Container",
		"type Loadable[T any] = sdk.Loadable[T]",
		"func Ref[T Loadable[T]](",
		"CacheSharingModeLocked = sdk.CacheSharingModeLocked",
		"func Connect() *Client",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("stand-in API lacks %q", want)
		}
	}
}

// TestWrongSDKCallsFailToCompile is the check that the stand-ins are the real
// core API: module code calling a method, argument or option the SDK does not
// have must fail to build here, as it would under `dagger develop`.
func TestWrongSDKCallsFailToCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the module three times")
	}
	tests := []struct {
		name string
		code string
		want string // "" means it must compile
	}{
		{name: "control: a correct call compiles", code: `dag.Container().From("alpine").WithExec([]string{"true"})`},
		{name: "method that does not exist", code: `dag.Container().WithNoSuchMethod("x")`, want: "WithNoSuchMethod"},
		{name: "wrong argument type", code: `dag.Container().From(42)`, want: "cannot use 42"},
		{name: "option field that does not exist", code: `dag.Container().WithExec(nil, dagger.ContainerWithExecOpts{Sudo: true})`, want: "unknown field Sudo"},
	}
	dir := copyModule(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, "zz_probe.go")
			probe := "package main\n\nimport \"dagger/platform/internal/dagger\"\n\nvar _ = dagger.Container{}\n\nfunc probe() { _ = " + tt.code + " }\n"
			if err := os.WriteFile(file, []byte(probe), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := goBuild(dir)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("correct code failed to compile:\n%s", out)
			case tt.want != "" && err == nil:
				t.Fatalf("wrong SDK call compiled; the stand-ins do not enforce the real API")
			case tt.want != "" && !strings.Contains(out, tt.want):
				t.Fatalf("compile error does not mention %q:\n%s", tt.want, out)
			}
		})
	}
}

func goBuild(dir string) (string, error) {
	cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// copyModule copies the module's Go sources to a temp dir and generates the
// stand-ins there with this package's run, exactly as go generate does.
func copyModule(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(moduleDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		keep := name == "go.mod" || name == "go.sum" || e.IsDir() && name != "internal" && name != "testdata" ||
			strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && name != "dagger.gen.go"
		switch {
		case keep && e.IsDir():
			if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(filepath.Join(moduleDir, name))); err != nil {
				t.Fatal(err)
			}
		case keep:
			copyFile(t, filepath.Join(moduleDir, name), filepath.Join(dst, name))
		}
	}
	if err := run(dst); err != nil {
		t.Fatalf("generate stand-ins: %v", err)
	}
	return dst
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
