package affected

import (
	"slices"
	"strings"
)

// Dependencies returns the directories of the shared packages a service
// requires, transitively, sorted: exactly what its steps must be able to see.
func (g Graph) Dependencies(service string) []string {
	byName := map[string]string{}
	for dir, name := range g.Packages {
		byName[strings.ToLower(name)] = dir
	}
	seen := map[string]bool{}
	var visit func(dir string)
	visit = func(dir string) {
		for _, req := range g.Requires[dir] {
			if pkg, ok := byName[req]; ok && !seen[pkg] {
				seen[pkg] = true
				visit(pkg)
			}
		}
	}
	visit(g.Services[service])
	out := make([]string, 0, len(seen))
	for dir := range seen {
		out = append(out, dir)
	}
	slices.Sort(out)
	return out
}
