package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// Service is one deployable service as its composer.json describes it.
type Service struct {
	Name     string `json:"service"`
	Port     int    `json:"port"`
	Postgres bool   `json:"postgres"`
	Redis    bool   `json:"redis"`
	// Migrate is the command that applies the service's schema migrations.
	Migrate []string `json:"migrate"`
	// Declared is false for a stand-in whose composer.json does not exist yet.
	Declared bool `json:"-"`
}

// Contract is what the manifests must agree with outside infrastructure/.
type Contract struct {
	Services []Service
	Metrics  map[string]bool // names from MetricNamesFile
	// MetricLabels are the labels the services put on their metrics.
	MetricLabels map[string]bool
}

// ImageRepo is the registry path every service image lives under; the
// pipeline's GitOps step edits the overlay `images:` entries of these names.
const ImageRepo = "ghcr.io/ai-workflow-platform/"

// knownServices is the list used until the services' composer.json files exist.
var knownServices = []string{"bff", "llm-agent", "workflow-orchestrator", "validation", "notification", "audit", "file-storage"}

// LoadContract reads the services and metric names from the repository.
func LoadContract(root string) (Contract, error) {
	svcs, err := DiscoverServices(root)
	if err != nil {
		return Contract{}, err
	}
	metrics, err := ReadMetricNames(filepath.Join(root, MetricNamesFile))
	if err != nil {
		return Contract{}, err
	}
	labels := map[string]bool{"service": true, "method": true, "route": true, "status": true, "le": true}
	return Contract{Services: svcs, Metrics: metrics, MetricLabels: labels}, nil
}

// DiscoverServices reads extra.platform of services/*/composer.json; without
// a composer.json (a service not written yet) a known name stands in.
func DiscoverServices(root string) ([]Service, error) {
	files, _ := filepath.Glob(filepath.Join(root, "services", "*", "composer.json"))
	var out []Service
	for _, f := range files {
		var c struct {
			Extra struct {
				Platform *Service `json:"platform"`
			} `json:"extra"`
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if p := c.Extra.Platform; p != nil && p.Name != "" {
			p.Declared = true
			out = append(out, *p)
		}
	}
	// Until every service is written, the known names stand in for the missing ones.
	for _, n := range knownServices {
		if !slices.ContainsFunc(out, func(s Service) bool { return s.Name == n }) {
			out = append(out, Service{Name: n, Port: 8080})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// serviceNames returns the names as a set.
func (c Contract) serviceNames() map[string]bool {
	out := map[string]bool{}
	for _, s := range c.Services {
		out[s.Name] = true
	}
	return out
}
