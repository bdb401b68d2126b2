package affected

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// ParseChangedPaths reads the changed paths CI passes in, separated by
// newlines or commas (so paths containing commas cannot be passed). Each is
// trimmed, unquoted when git quoted it, cleaned with path.Clean and kept
// once, in input order. Absolute paths and paths with ".." are rejected:
// they cannot name a file of the repository. An empty input gives no paths.
func ParseChangedPaths(s string) ([]string, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == ',' })
	var paths []string
	seen := map[string]bool{}
	for _, f := range fields {
		p, err := cleanPath(strings.TrimSpace(f))
		if err != nil {
			return nil, err
		}
		if p != "" && !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// cleanPath validates and cleans one path; "" means nothing to keep.
func cleanPath(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	if strings.HasPrefix(p, `"`) {
		// git diff --name-only quotes paths with unusual bytes, C style.
		u, err := strconv.Unquote(p)
		if err != nil {
			return "", fmt.Errorf("changed path %s: bad quoting: %w", p, err)
		}
		p = u
	}
	switch {
	case strings.ContainsRune(p, 0):
		return "", fmt.Errorf("changed path %q contains a NUL byte", p)
	case path.IsAbs(p):
		return "", fmt.Errorf("changed path %q is absolute: pass paths relative to the repository root", p)
	case slices.Contains(strings.Split(p, "/"), ".."):
		return "", fmt.Errorf("changed path %q contains \"..\": pass paths relative to the repository root", p)
	}
	c := path.Clean(p)
	if c == "." {
		return "", fmt.Errorf("changed path %q names the repository root, not a file", p)
	}
	return c, nil
}
