package daggertest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// hostPath resolves a Directory or File node made from host.directory (and
// directory/file selections below it) to a path on this machine.
func hostPath(n *Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Field {
	case "directory", "file":
		if n.Parent != nil && n.Parent.Field == "host" && n.Parent.Parent == nil {
			return n.Args.String("path"), true
		}
		base, ok := hostPath(n.Parent)
		if !ok {
			return "", false
		}
		return filepath.Join(base, filepath.FromSlash(n.Args.String("path"))), true
	}
	return "", false
}

// hostLeaf answers filesystem leaves of host-backed directories and files.
func (e *Engine) hostLeaf(c *Call) (any, bool, error) {
	switch c.Field {
	case "entries", "glob", "exists", "contents", "size", "name":
	default:
		return nil, false, nil
	}
	p, ok := hostPath(c.Target)
	if !ok && c.Field == "contents" {
		if data, ok := fileContents(c.Target); ok {
			return data, true, nil
		}
	}
	if !ok {
		return nil, true, fmt.Errorf("daggertest: cannot evaluate %s on %s: not a host directory or file; register an answer with Engine.Answer", c.Field, e.RenderInline(c.Target))
	}
	v, err := hostValue(c, p)
	return v, true, err
}

func hostValue(c *Call, p string) (any, error) {
	switch c.Field {
	case "entries":
		return entries(filepath.Join(p, filepath.FromSlash(c.Args.String("path"))))
	case "glob":
		return glob(p, c.Args.String("pattern"))
	case "exists":
		_, err := os.Stat(filepath.Join(p, filepath.FromSlash(c.Args.String("path"))))
		return err == nil, nil
	case "contents":
		data, err := os.ReadFile(p)
		return string(data), err
	case "size":
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		return st.Size(), nil
	}
	return filepath.Base(p), nil
}

// entries lists a directory as the engine does: sorted, directories with a trailing slash.
func entries(dir string) ([]string, error) {
	list, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(list))
	for _, d := range list {
		name := d.Name()
		if d.IsDir() {
			name += "/"
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out, nil
}

func glob(root, pattern string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		if matchGlob(strings.Split(pattern, "/"), strings.Split(rel, "/")) {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// matchGlob matches path segments against pattern segments, where "**"
// matches any number of segments.
func matchGlob(pat, segs []string) bool {
	if len(pat) == 0 {
		return len(segs) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchGlob(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	ok, err := path.Match(pat[0], segs[0])
	return err == nil && ok && matchGlob(pat[1:], segs[1:])
}
