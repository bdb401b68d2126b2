package affected

import (
	"fmt"
	"strings"
)

// maxListed bounds how many paths a summary spells out.
const maxListed = 5

// Summary explains the result in a few lines: which services and why, or,
// when nothing is affected, why not, so a green check is never a mystery.
func (r Result) Summary() string {
	if len(r.Services) == 0 {
		return r.none()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s affected by %d changed %s", len(r.Services),
		plural(len(r.Services), "service", "services"), r.Changed, plural(r.Changed, "path", "paths"))
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, " (%d affect nothing: %s)", len(r.Ignored), list(r.Ignored))
	}
	b.WriteString(":")
	for _, s := range r.Services {
		fmt.Fprintf(&b, "\n  %s: %s", s, list(r.Reasons[s]))
	}
	return b.String()
}

// none explains an empty result.
func (r Result) none() string {
	if r.Changed == 0 {
		return "no service affected: no changed paths"
	}
	where := "none in a service, a shared package it uses, or the pipeline"
	if !anyUnder(r.Ignored, "services/") {
		where = "all outside services/"
	}
	return fmt.Sprintf("no service affected: %d changed %s, %s (%s)",
		r.Changed, plural(r.Changed, "path", "paths"), where, list(r.Ignored))
}

func anyUnder(paths []string, prefix string) bool {
	for _, p := range paths {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

// list joins up to maxListed items and says how many more there are.
func list(items []string) string {
	if len(items) <= maxListed {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:maxListed], ", "), len(items)-maxListed)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
