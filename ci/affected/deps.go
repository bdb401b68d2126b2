package affected

import (
	"maps"
	"slices"
)

// Dependencies returns the directories of the shared packages a service
// requires, transitively, sorted: exactly what its steps must be able to see.
func (g Graph) Dependencies(service string) []string {
	dir, ok := g.Services[service]
	if !ok {
		return []string{}
	}
	// Never nil, so callers can range or encode it without a check.
	return append([]string{}, slices.Sorted(maps.Keys(g.reach(dir, g.packageDirs())))...)
}
