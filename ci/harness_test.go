package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dagger/platform/daggertest"
	"dagger/platform/phpcmd"
)

// repoPlatform builds the module on this repository's own tree, through the
// fake engine, with every report a stage reads canned from real PHPUnit and
// documented Infection outputs (ci/gates/testdata, ci/testdata).
func repoPlatform(t testing.TB) (*Platform, *daggertest.Engine) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	eng := daggertest.Use(t)
	eng.NameHost(root, "$REPO")
	for file, fixture := range map[string]string{
		phpcmd.CloverFile:           "clover.xml",
		phpcmd.JUnitUnitFile:        "junit.xml",
		phpcmd.JUnitIntegrationFile: "junit.xml",
		"infection.json":            "../../testdata/infection-pass.json",
		"/scan/source.json":         "../../testdata/scan/clean-source.json", // real trivy v0.74.0 reports
		"/scan/config.json":         "../../testdata/scan/clean-config.json",
		"/scan/image.json":          "../../testdata/scan/clean-source.json",
	} {
		data, err := os.ReadFile(filepath.Join("gates", "testdata", fixture))
		if err != nil {
			t.Fatal(err)
		}
		eng.FileContents(file, string(data))
	}
	p, err := New(context.Background(), dag.Host().Directory(root), "ghcr.io", "ai-workflow-platform", "8.3", 4)
	if err != nil {
		t.Fatal(err)
	}
	return p, eng
}

// execWith returns the containers whose execs include one with exactly argv.
func execWith(eng *daggertest.Engine, argv []string) []*daggertest.Container {
	var out []*daggertest.Container
	for _, c := range eng.Containers() {
		for _, e := range c.Execs {
			if slices.Equal(e.Args, argv) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// workdirOf is the service a workspace exec runs for.
func workdirOf(e daggertest.Exec) string {
	return strings.TrimPrefix(e.Workdir, srcRoot+"/services/")
}

func fixture(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("gates", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func itoa(i int) string { return strconv.Itoa(i) }
