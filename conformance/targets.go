package conformance

import (
	"io/fs"
	"os"
	"path/filepath"

	"sigs.k8s.io/kustomize/kyaml/filesys"
)

// Target is one kustomization Argo CD (or an operator) applies.
type Target struct {
	Dir       string // relative to the repository root
	Platform  bool   // the services' manifests: the service contract applies
	Component string // a variant to add to Dir before rendering, if any
}

// Targets are every kustomization that reaches a cluster, plus the blue-green
// variant as the pipeline would switch it on in production.
var Targets = []Target{
	{Dir: "infrastructure/k8s/overlays/dev", Platform: true},
	{Dir: "infrastructure/k8s/overlays/staging", Platform: true},
	{Dir: "infrastructure/k8s/overlays/production", Platform: true},
	{Dir: "infrastructure/k8s/overlays/production", Platform: true, Component: "../../variants/blue-green"},
	{Dir: "infrastructure/argocd"},
	{Dir: "infrastructure/ci/dagger"},
}

// Name labels the target in test names and messages.
func (t Target) Name() string {
	if t.Component != "" {
		return t.Dir + "+" + filepath.Base(t.Component)
	}
	return t.Dir
}

// RenderTarget renders a target from the repository at root. A variant is
// rendered from an in-memory copy of infrastructure/ whose overlay lists the
// component, exactly the edit the pipeline makes.
func RenderTarget(root string, t Target) ([]Object, error) {
	dir := filepath.Join(root, t.Dir)
	if t.Component == "" {
		return Render(filesys.MakeFsOnDisk(), dir)
	}
	mem := filesys.MakeFsInMemory()
	if err := copyTree(mem, filepath.Join(root, "infrastructure")); err != nil {
		return nil, err
	}
	k := filepath.Join(dir, "kustomization.yaml")
	b, err := mem.ReadFile(k)
	if err != nil {
		return nil, err
	}
	if err := mem.WriteFile(k, append(b, []byte("\ncomponents:\n  - "+t.Component+"\n")...)); err != nil {
		return nil, err
	}
	objs, err := Render(mem, dir)
	for i := range objs {
		objs[i].Source = t.Name()
	}
	return objs, err
}

func copyTree(mem filesys.FileSystem, dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return mem.WriteFile(path, b)
	})
}
