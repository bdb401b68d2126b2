package conformance

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/yaml"
)

// CommittedSecrets scans every YAML file below dir, rendered or not, for a
// Secret carrying data or a kustomize secretGenerator (which would read secret
// files from the repository, as the seed's .env.production did).
func CommittedSecrets(dir string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, doc := range docSeparator.Split(string(b), -1) {
			var m map[string]any
			if yaml.Unmarshal([]byte(doc), &m) != nil {
				continue // not a manifest; kustomize will reject it if it is used
			}
			if leaks(m) {
				found = append(found, path)
			}
		}
		return nil
	})
	return found, err
}

func leaks(m map[string]any) bool {
	if m["secretGenerator"] != nil {
		return true
	}
	return m["kind"] == "Secret" && (m["data"] != nil || m["stringData"] != nil)
}
