package main

import (
	"context"
	"fmt"
	"maps"
	"path"
	"slices"
	"sync"
	"testing/fstest"

	"golang.org/x/sync/errgroup"

	"dagger/platform/affected"
	"dagger/platform/catalog"
	"dagger/platform/internal/dagger"
)

// Service is one PHP service of the platform, as its manifest describes it.
type Service struct {
	// Service name: its directory under services/
	Name string
	// HTTP port the service listens on in its container
	Port int
	// Whether its integration tests and Serve need PostgreSQL
	Postgres bool
	// Whether its integration tests and Serve need Redis
	Redis bool
	// Migration command, run in the service directory before integration tests
	Migrate []string
	// Shared package directories it depends on, through composer path repositories
	Shared []string
	// A shared package (services/shared): linted and tested like a service, never deployed
	Library bool
}

// ComposerFile is one services/*/composer.json as read at discovery.
type ComposerFile struct {
	// Path relative to the repository root
	Path string
	// File contents
	Contents string
}

// Services lists the services found under services/.
func (p *Platform) Services() []*Service {
	return p.Catalog
}

// discover reads every services/*/composer.json, validates the manifests and
// links each service to the shared packages it depends on.
func (p *Platform) discover(ctx context.Context) error {
	files, err := readComposerFiles(ctx, p.Source)
	if err != nil {
		return err
	}
	p.ComposerFiles = files
	byDir := make(map[string][]byte, len(files))
	for _, f := range files {
		byDir[path.Base(path.Dir(f.Path))] = []byte(f.Contents)
	}
	cat, err := catalog.Discover(byDir)
	if err != nil {
		return err
	}
	graph, err := p.graph()
	if err != nil {
		return err
	}
	for _, m := range cat {
		p.Catalog = append(p.Catalog, &Service{Name: m.Service, Port: m.Port, Postgres: m.Postgres,
			Redis: m.Redis, Migrate: m.Migrate, Shared: graph.Dependencies(m.Service)})
	}
	for _, dir := range slices.Sorted(maps.Keys(graph.Packages)) {
		// A shared package's own suites exercise every kind of dependency
		// (its health checks, its migrator), so it gets both servers.
		if path.Dir(dir) == "services" {
			p.Libraries = append(p.Libraries, &Service{Name: path.Base(dir), Postgres: true, Redis: true,
				Shared: graph.PackageDependencies(dir), Library: true})
		}
	}
	return nil
}

func readComposerFiles(ctx context.Context, source *dagger.Directory) ([]*ComposerFile, error) {
	paths, err := source.Glob(ctx, "services/*/composer.json")
	if err != nil {
		return nil, err
	}
	files := make([]*ComposerFile, len(paths))
	eg, gctx := errgroup.WithContext(ctx)
	var mu sync.Mutex
	for i, p := range paths {
		eg.Go(func() error {
			data, err := source.File(p).Contents(gctx)
			mu.Lock()
			defer mu.Unlock()
			files[i] = &ComposerFile{Path: p, Contents: data}
			return err
		})
	}
	return files, eg.Wait()
}

// graph links services and shared packages, from the composer files read at discovery.
func (p *Platform) graph() (affected.Graph, error) {
	fsys := fstest.MapFS{}
	for _, f := range p.ComposerFiles {
		fsys[f.Path] = &fstest.MapFile{Data: []byte(f.Contents)}
	}
	return affected.LoadGraph(fsys)
}

// catalog returns the deployable services as the pure package's type.
func (p *Platform) catalog() catalog.Catalog {
	return manifests(p.Catalog)
}

// checkable returns the services and the shared packages: what lint, test
// and mutation run on.
func (p *Platform) checkable() catalog.Catalog {
	return manifests(slices.Concat(p.Catalog, p.Libraries))
}

func manifests(list []*Service) catalog.Catalog {
	out := make(catalog.Catalog, len(list))
	for i, s := range list {
		out[i] = catalog.Manifest{Service: s.Name, Port: s.Port, Postgres: s.Postgres, Redis: s.Redis, Migrate: s.Migrate}
	}
	return out
}

// service resolves a deployable service name given on the command line.
func (p *Platform) service(name string) (catalog.Manifest, error) {
	return p.catalog().Lookup(name)
}

// selectServices resolves names given on the command line (services or
// shared packages); none means all of them.
func (p *Platform) selectServices(names []string) (catalog.Catalog, error) {
	sel, err := p.checkable().Select(names)
	if err != nil {
		return nil, fmt.Errorf("%w (shared packages included)", err)
	}
	return sel, nil
}

// sharedDirs returns the shared package directories a service or package depends on.
func (p *Platform) sharedDirs(name string) []string {
	for _, s := range slices.Concat(p.Catalog, p.Libraries) {
		if s.Name == name {
			return s.Shared
		}
	}
	return nil
}

// deployable keeps the services of a selection, dropping shared packages.
func (p *Platform) deployable(sel catalog.Catalog) catalog.Catalog {
	var out catalog.Catalog
	for _, m := range sel {
		if _, err := p.service(m.Service); err == nil {
			out = append(out, m)
		}
	}
	return out
}
