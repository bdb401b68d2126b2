package trivy

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestRealCommittedManifestsPassTheCommittedPolicy scans the plain manifests
// the scan stage puts in its config tree (infrastructure/ outside k8s/, at the
// same relative paths) with the stage's argv and the repository's own ignore
// policy: the Dagger engine's privileged findings are accepted by path, and
// without the policy they block, so the entries are needed and matched.
func TestRealCommittedManifestsPassTheCommittedPolicy(t *testing.T) {
	tree := t.TempDir()
	for _, dir := range []string{"argocd", "ci"} {
		if err := os.CopyFS(filepath.Join(tree, "infrastructure", dir), os.DirFS(filepath.Join("..", "..", "infrastructure", dir))); err != nil {
			t.Fatal(err)
		}
	}
	ignores, err := os.ReadFile(filepath.Join("..", "..", IgnoreFilePath))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := NewPolicy("HIGH", false, ignores, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Target: tree, CacheDir: t.TempDir()}
	if _, v, _ := realScan(t, ConfigArgs, o, committed); v.Err() != nil {
		t.Fatalf("the committed manifests fail the committed policy: %v", v.Err())
	}
	_, v, _ := realScan(t, ConfigArgs, o, Policy{Threshold: High})
	var ids []string
	for _, f := range v.Blocking {
		if f.Target == "infrastructure/ci/dagger/engine.yaml" {
			ids = append(ids, f.ID)
		}
	}
	if !slices.Contains(ids, "KSV-0017") || !slices.Contains(ids, "KSV-0014") {
		t.Fatalf("without the ignore entries the engine's findings must block, got %v (all: %v)", ids, v.Blocking)
	}
}
