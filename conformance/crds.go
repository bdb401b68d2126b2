package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"sigs.k8s.io/yaml"
)

// crdSource is where a project ships its CRDs: a file inside its Go module,
// fetched with `go mod download` (verified against the Go checksum database). Pin
// the version of the controller the clusters run.
type crdSource struct {
	Module, Version string
	Files           []string
}

// crdSources lists every custom kind the manifests use. Their Go types are not
// imported: Argo CD's pull in k8s.io/kubernetes and External Secrets' are not
// served as a module, so one schema validator covers all of them alike.
var crdSources = []crdSource{
	{"github.com/argoproj/argo-rollouts", "v1.10.1", []string{
		"manifests/crds/rollout-crd.yaml",
		"manifests/crds/analysis-template-crd.yaml",
	}},
	{"github.com/argoproj/argo-cd/v3", "v3.1.9", []string{
		"manifests/crds/application-crd.yaml",
		"manifests/crds/appproject-crd.yaml",
	}},
	{"istio.io/api", "v1.31.4", []string{"kubernetes/customresourcedefinitions.gen.yaml"}},
	{"github.com/prometheus-operator/prometheus-operator", "v0.85.0", []string{
		"example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml",
	}},
	{"github.com/external-secrets/external-secrets", "v1.3.2", []string{
		"config/crds/bases/external-secrets.io_externalsecrets.yaml",
		"config/crds/bases/external-secrets.io_secretstores.yaml",
		"config/crds/bases/external-secrets.io_clustersecretstores.yaml",
	}},
}

// crd is the part of a CustomResourceDefinition that names kinds and schemas.
type crd struct {
	Kind string `json:"kind"`
	Spec struct {
		Group string `json:"group"`
		Names struct {
			Kind string `json:"kind"`
		} `json:"names"`
		Versions []struct {
			Name   string `json:"name"`
			Served bool   `json:"served"`
			Schema struct {
				OpenAPIV3Schema *Schema `json:"openAPIV3Schema"`
			} `json:"schema"`
		} `json:"versions"`
	} `json:"spec"`
}

var (
	schemasOnce sync.Once
	schemas     map[string]*Schema // by apiVersion + "/" + kind
	schemasErr  error
)

// CRDSchemas returns the schema of every served version of every kind in
// crdSources, keyed by "group/version/Kind". It downloads modules once.
func CRDSchemas() (map[string]*Schema, error) {
	schemasOnce.Do(func() { schemas, schemasErr = loadSchemas(crdSources) })
	return schemas, schemasErr
}

func loadSchemas(sources []crdSource) (map[string]*Schema, error) {
	out := map[string]*Schema{}
	for _, src := range sources {
		dir, err := moduleDir(src.Module, src.Version)
		if err != nil {
			return nil, err
		}
		for _, f := range src.Files {
			if err := addSchemas(out, filepath.Join(dir, f)); err != nil {
				return nil, fmt.Errorf("%s@%s: %w", src.Module, src.Version, err)
			}
		}
	}
	return out, nil
}

// moduleDir downloads a module (or finds it in the module cache) and returns its directory.
func moduleDir(module, version string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	cmd.Dir = os.TempDir() // outside any module: never touches this repo's go.mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr != nil || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s (needs the Go module proxy): %v %s", module, version, err, info.Error)
	}
	return info.Dir, nil
}

var docSeparator = regexp.MustCompile(`(?m)^---\s*$`)

func addSchemas(out map[string]*Schema, file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, doc := range docSeparator.Split(string(b), -1) {
		if strings.TrimSpace(doc) == "" {
			continue
		}
		var c crd
		if err := yaml.Unmarshal([]byte(doc), &c); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(file), err)
		}
		for _, v := range c.Spec.Versions {
			if c.Kind == "CustomResourceDefinition" && v.Served && v.Schema.OpenAPIV3Schema != nil {
				out[c.Spec.Group+"/"+v.Name+"/"+c.Spec.Names.Kind] = v.Schema.OpenAPIV3Schema
			}
		}
	}
	return nil
}
