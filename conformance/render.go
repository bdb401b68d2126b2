package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// Object is one rendered manifest, kept as the generic map kustomize produced so
// every check sees exactly what Argo CD would apply.
type Object struct {
	Source string // the kustomization it was rendered from
	Doc    map[string]any
}

// APIVersion returns the object's apiVersion.
func (o Object) APIVersion() string { return str(o.Doc, "apiVersion") }

// Kind returns the object's kind.
func (o Object) Kind() string { return str(o.Doc, "kind") }

// Name returns metadata.name.
func (o Object) Name() string { return str(o.Doc, "metadata", "name") }

// Namespace returns metadata.namespace.
func (o Object) Namespace() string { return str(o.Doc, "metadata", "namespace") }

// ID names the object in error messages.
func (o Object) ID() string { return fmt.Sprintf("%s %s/%s", o.Source, o.Kind(), o.Name()) }

// Render builds a kustomization with the kustomize Go API, as Argo CD does.
func Render(fs filesys.FileSystem, dir string) ([]Object, error) {
	k := krusty.MakeKustomizer(krusty.MakeDefaultOptions())
	rm, err := k.Run(fs, dir)
	if err != nil {
		return nil, fmt.Errorf("kustomize build %s: %w", dir, err)
	}
	var out []Object
	for _, r := range rm.Resources() {
		m, err := r.Map()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", dir, r.CurId(), err)
		}
		out = append(out, Object{Source: relative(dir), Doc: m})
	}
	return out, nil
}

// RepoRoot finds the repository root (the directory holding go.mod) from the
// test's working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// str walks nested maps and returns the string at path, or "".
func str(m map[string]any, path ...string) string {
	v, _ := lookup(m, path...).(string)
	return v
}

// lookup walks nested maps along path and returns what it finds, or nil.
func lookup(m map[string]any, path ...string) any {
	var cur any = m
	for _, p := range path {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = mm[p]
	}
	return cur
}

// relative shortens an absolute directory to its path below infrastructure/.
func relative(dir string) string {
	if i := strings.Index(dir, "infrastructure/"); i >= 0 {
		return dir[i:]
	}
	return dir
}
