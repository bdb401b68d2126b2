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

// PackageDependencies returns the directories of the shared packages the
// package in dir requires, transitively, sorted.
func (g Graph) PackageDependencies(dir string) []string {
	return append([]string{}, slices.Sorted(maps.Keys(g.reach(dir, g.packageDirs())))...)
}

// AffectedPackages returns the shared package directories a change touches,
// sorted: a path inside the package or inside a package it requires, or a
// pipeline path (which touches every package, as it does every service).
func (g Graph) AffectedPackages(changed []string) []string {
	var out []string
	for dir := range g.Packages {
		scope := append(g.PackageDependencies(dir), dir)
		hit := slices.ContainsFunc(changed, func(p string) bool {
			return isPipeline(p) || slices.ContainsFunc(scope, func(d string) bool { return within(p, d) })
		})
		if hit {
			out = append(out, dir)
		}
	}
	slices.Sort(out)
	return out
}
