package daggertest

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// memFiles evaluates a directory chain built in memory from the empty
// directory (dag.Directory().WithNewFile(...)...), or from host directories,
// into path → contents. ok is false for chains it cannot evaluate (a
// container's output, say): those need a canned answer.
func memFiles(n *Node) (map[string]string, bool) {
	if n == nil {
		return nil, false
	}
	if p, ok := hostPath(n); ok && n.Field == "directory" {
		return readTree(p)
	}
	if n.Field == "directory" && n.Parent == nil {
		return map[string]string{}, true
	}
	files, ok := memFiles(n.Parent)
	if !ok {
		return nil, false
	}
	return applyStep(n, files)
}

func applyStep(n *Node, files map[string]string) (map[string]string, bool) {
	out := make(map[string]string, len(files))
	for k, v := range files {
		out[k] = v
	}
	at := cleanPath(n.Args.String("path"))
	switch n.Field {
	case "withNewFile":
		out[at] = n.Args.String("contents")
	case "withFile":
		data, ok := fileContents(n.Args.Node("source"))
		if !ok {
			return nil, false
		}
		out[at] = data
	case "withDirectory":
		src, ok := memFiles(n.Args.Node("source"))
		if !ok {
			return nil, false
		}
		for k, v := range src {
			out[cleanPath(path.Join(at, k))] = v
		}
	case "directory":
		return subtree(out, at), true
	default:
		return nil, false
	}
	return out, true
}

// fileContents evaluates a File node made from a host file or a memory directory.
func fileContents(n *Node) (string, bool) {
	if n == nil || n.Field != "file" {
		return "", false
	}
	if p, ok := hostPath(n); ok {
		data, err := os.ReadFile(p)
		return string(data), err == nil
	}
	files, ok := memFiles(n.Parent)
	if !ok {
		return "", false
	}
	data, ok := files[cleanPath(n.Args.String("path"))]
	return data, ok
}

func subtree(files map[string]string, dir string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		if rel, ok := strings.CutPrefix(k, dir+"/"); ok || dir == "" {
			if dir == "" {
				rel = k
			}
			out[rel] = v
		}
	}
	return out
}

func readTree(root string) (map[string]string, bool) {
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	return out, err == nil
}

func cleanPath(p string) string {
	c := path.Clean("/" + p)
	return strings.TrimPrefix(c, "/")
}
