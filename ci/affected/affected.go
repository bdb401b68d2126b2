package affected

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// pipelinePaths change how every service is built or checked, so a change
// under them affects all services. Entries ending in "/" are directories.
var pipelinePaths = []string{
	"ci/", ".ci/", "scripts/", ".github/",
	"dagger.json", "go.mod", "go.sum", "Makefile",
}

// Result says which services a change affects and why.
type Result struct {
	// Services are the affected service names, sorted.
	Services []string
	// Reasons gives, per affected service, the changed paths that affect it,
	// e.g. "services/shared/src/X.php (via platform/shared)".
	Reasons map[string][]string
	// Ignored are the changed paths that affect no service, in input order.
	Ignored []string
	// Changed is how many changed paths were considered.
	Changed int
}

// Affected maps changed repository-relative paths (slash-separated, as
// ParseChangedPaths returns them) to the services they affect.
func (g Graph) Affected(changed []string) Result {
	r := Result{Reasons: map[string][]string{}, Changed: len(changed)}
	deps := g.dependents()
	for _, p := range changed {
		hits := g.reasons(p, deps)
		if len(hits) == 0 {
			r.Ignored = append(r.Ignored, p)
		}
		for service, why := range hits {
			if !slices.Contains(r.Reasons[service], why) {
				r.Reasons[service] = append(r.Reasons[service], why)
			}
		}
	}
	for service := range r.Reasons {
		r.Services = append(r.Services, service)
	}
	slices.Sort(r.Services)
	return r
}

// reasons returns, for one changed path, each affected service and why.
func (g Graph) reasons(p string, deps map[string]map[string]string) map[string]string {
	hits := map[string]string{}
	if isPipeline(p) {
		for name := range g.Services {
			hits[name] = "pipeline changed: " + p
		}
		return hits
	}
	for name, dir := range g.Services {
		if within(p, dir) {
			hits[name] = p
		}
	}
	// Sorted so that a path inside nested packages gets a stable reason.
	for _, dir := range slices.Sorted(maps.Keys(deps)) {
		if !within(p, dir) {
			continue
		}
		for service, chain := range deps[dir] {
			if _, direct := hits[service]; !direct {
				hits[service] = fmt.Sprintf("%s (via %s)", p, chain)
			}
		}
	}
	return hits
}

// dependents maps each shared package directory to the services that
// require it, directly or through other packages, with the chain of
// package names that links them ("platform/shared → platform/shared-http").
func (g Graph) dependents() map[string]map[string]string {
	dirOf := g.packageDirs()
	deps := map[string]map[string]string{}
	for service, dir := range g.Services {
		for pkgDir, chain := range g.reach(dir, dirOf) {
			if deps[pkgDir] == nil {
				deps[pkgDir] = map[string]string{}
			}
			deps[pkgDir][service] = chain
		}
	}
	return deps
}

// packageDirs maps each package name, lower case as composer compares
// them, to its directory.
func (g Graph) packageDirs() map[string]string {
	dirOf := map[string]string{}
	for dir, name := range g.Packages {
		dirOf[strings.ToLower(name)] = dir
	}
	return dirOf
}

// reach walks the requirements from dir breadth first, so each package is
// reached by its shortest chain, and returns package directory → chain.
func (g Graph) reach(dir string, dirOf map[string]string) map[string]string {
	chains := map[string]string{}
	queue := []string{dir}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, name := range g.Requires[cur] {
			next, ok := dirOf[name]
			if _, done := chains[next]; !ok || done || next == dir {
				continue
			}
			chains[next] = name
			if prev, ok := chains[cur]; ok {
				chains[next] = prev + " → " + name
			}
			queue = append(queue, next)
		}
	}
	return chains
}

// isPipeline reports whether p belongs to the pipeline or root tooling.
func isPipeline(p string) bool {
	for _, pp := range pipelinePaths {
		if p == pp || (strings.HasSuffix(pp, "/") && (strings.HasPrefix(p, pp) || p+"/" == pp)) {
			return true
		}
	}
	return false
}

// within reports whether p is dir itself or lies under it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}
