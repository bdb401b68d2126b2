// Package affected decides which services a change touches, from the list
// of changed paths and the composer path repositories that link services to
// the shared PHP packages they use.
//
// It imports no Dagger: the pipeline passes in the changed paths (from
// Directory.Changes or a list CI computed) and a Graph read from the source.
package affected

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// Graph is what the repository says about its services and shared packages.
type Graph struct {
	// Services maps a service name to its directory ("bff" → "services/bff").
	Services map[string]string
	// Packages maps the directory of a composer path package to its
	// package name ("services/shared" → "platform/shared").
	Packages map[string]string
	// Requires maps the directory of a service or package to the package
	// names it requires (require and require-dev, lower case).
	Requires map[string][]string
}

// ServiceNames returns the names of all services, sorted.
func (g Graph) ServiceNames() []string {
	names := make([]string, 0, len(g.Services))
	for name := range g.Services {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// composerJSON is the part of composer.json the graph needs.
type composerJSON struct {
	Name         string            `json:"name"`
	Require      map[string]string `json:"require"`
	RequireDev   map[string]string `json:"require-dev"`
	Repositories json.RawMessage   `json:"repositories"`
	Extra        struct {
		Platform struct {
			Service *string `json:"service"`
		} `json:"platform"`
	} `json:"extra"`
}

// LoadGraph reads services/*/composer.json from the repository root fsys.
// A directory whose composer.json has extra.platform.service is a service
// of that name; every directory reached through a "path" repository is a
// shared package, followed transitively.
func LoadGraph(fsys fs.FS) (Graph, error) {
	files, err := fs.Glob(fsys, "services/*/composer.json")
	if err != nil {
		return Graph{}, err
	}
	if len(files) == 0 {
		return Graph{}, errors.New("no services/*/composer.json found: is this the repository root?")
	}
	g := Graph{Services: map[string]string{}, Packages: map[string]string{}, Requires: map[string][]string{}}
	l := loader{fsys: fsys, g: &g, seen: map[string]bool{}, names: map[string]string{}}
	for _, f := range files {
		if err := l.visit(path.Dir(f), ""); err != nil {
			return Graph{}, err
		}
	}
	return g, nil
}

// loader walks each composer.json once.
type loader struct {
	fsys  fs.FS
	g     *Graph
	seen  map[string]bool
	names map[string]string // directory → composer name, for every visited directory
}

// visit loads dir once and, when from (the composer.json whose path
// repository leads here) is set, records dir as a shared package.
func (l loader) visit(dir, from string) error {
	if !l.seen[dir] {
		if err := l.load(dir); err != nil {
			return err
		}
	}
	if from == "" {
		return nil
	}
	return l.addPackage(dir, from)
}

// load records dir's service name and requirements, then follows its path
// repositories. dir is marked seen first so that cycles terminate.
func (l loader) load(dir string) error {
	l.seen[dir] = true
	file := dir + "/composer.json"
	c, err := readComposer(l.fsys, file)
	if err != nil {
		return err
	}
	l.names[dir] = strings.ToLower(c.Name)
	if err := l.addService(dir, file, c.Extra.Platform.Service); err != nil {
		return err
	}
	l.g.Requires[dir] = requires(c)
	return l.follow(dir, file, c.Repositories)
}

// addService records dir as a service when its composer.json names one.
func (l loader) addService(dir, file string, name *string) error {
	if name == nil {
		return nil
	}
	if *name == "" || strings.ContainsAny(*name, "/ ") {
		return fmt.Errorf("%s: extra.platform.service %q is not a service name", file, *name)
	}
	if other, ok := l.g.Services[*name]; ok {
		return fmt.Errorf("%s: service %q is already declared by %s/composer.json", file, *name, other)
	}
	l.g.Services[*name] = dir
	return nil
}

// addPackage records dir as a shared package under its composer name.
func (l loader) addPackage(dir, from string) error {
	name := l.names[dir]
	if name == "" {
		return fmt.Errorf("%s/composer.json has no \"name\", so %s cannot require it through its path repository", dir, from)
	}
	for other, n := range l.g.Packages {
		if n == name && other != dir {
			return fmt.Errorf("package %s is declared by both %s and %s", name, other, dir)
		}
	}
	l.g.Packages[dir] = name
	return nil
}

// follow visits every directory that a path repository of file points to.
func (l loader) follow(dir, file string, raw json.RawMessage) error {
	urls, err := pathRepositories(raw)
	if err != nil {
		return fmt.Errorf("%s: repositories: %w", file, err)
	}
	for _, url := range urls {
		targets, err := l.resolve(dir, url)
		if err != nil {
			return fmt.Errorf("%s: path repository %q %w", file, url, err)
		}
		for _, target := range targets {
			if err := l.visit(target, file); err != nil {
				return err
			}
		}
	}
	return nil
}

// resolve turns a path repository url, relative to dir and possibly a glob
// as composer allows, into the directories holding a composer.json.
func (l loader) resolve(dir, url string) ([]string, error) {
	if url == "" {
		return nil, errors.New("has no url")
	}
	if path.IsAbs(url) {
		return nil, errors.New("is absolute: use a path relative to the composer.json")
	}
	target := path.Join(dir, url)
	if !fs.ValidPath(target) || target == "." {
		return nil, fmt.Errorf("points outside the repository (%s)", target)
	}
	matches, err := fs.Glob(l.fsys, target+"/composer.json")
	if err != nil {
		return nil, err
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("points nowhere: %s/composer.json does not exist", target)
	}
	dirs := make([]string, len(matches))
	for i, m := range matches {
		dirs[i] = path.Dir(m)
	}
	return dirs, nil
}

// readComposer decodes one composer.json.
func readComposer(fsys fs.FS, file string) (composerJSON, error) {
	var c composerJSON
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("%s: %w", file, err)
	}
	return c, nil
}

// requires lists the required package names, lower case and sorted,
// because composer names are case-insensitive.
func requires(c composerJSON) []string {
	var names []string
	for _, m := range []map[string]string{c.Require, c.RequireDev} {
		for name := range m {
			names = append(names, strings.ToLower(name))
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// pathRepositories returns the urls of the "path" repositories. Composer
// accepts a list or an object of repositories, and false to disable one.
func pathRepositories(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		var byName map[string]json.RawMessage
		if json.Unmarshal(raw, &byName) != nil {
			return nil, errors.New("neither a list nor an object")
		}
		for _, k := range slices.Sorted(maps.Keys(byName)) {
			list = append(list, byName[k])
		}
	}
	var urls []string
	for _, entry := range list {
		var repo struct{ Type, URL string }
		if json.Unmarshal(entry, &repo) == nil && repo.Type == "path" {
			urls = append(urls, repo.URL)
		}
	}
	return urls, nil
}
