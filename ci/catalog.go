package main

import (
	"context"
	"path"
	"sync"

	"golang.org/x/sync/errgroup"

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
}

// Services lists the services found under services/.
func (p *Platform) Services() []*Service {
	return p.Catalog
}

// discover reads every services/*/composer.json and validates the manifests.
func discover(ctx context.Context, source *dagger.Directory) ([]*Service, error) {
	paths, err := source.Glob(ctx, "services/*/composer.json")
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(paths))
	var mu sync.Mutex
	eg, gctx := errgroup.WithContext(ctx)
	for _, p := range paths {
		eg.Go(func() error {
			data, err := source.File(p).Contents(gctx)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			files[path.Base(path.Dir(p))] = []byte(data)
			return nil
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	cat, err := catalog.Discover(files)
	if err != nil {
		return nil, err
	}
	out := make([]*Service, len(cat))
	for i, m := range cat {
		out[i] = &Service{Name: m.Service, Port: m.Port, Postgres: m.Postgres, Redis: m.Redis, Migrate: m.Migrate}
	}
	return out, nil
}

// catalog returns the services as the pure package's type.
func (p *Platform) catalog() catalog.Catalog {
	out := make(catalog.Catalog, len(p.Catalog))
	for i, s := range p.Catalog {
		out[i] = catalog.Manifest{Service: s.Name, Port: s.Port, Postgres: s.Postgres, Redis: s.Redis, Migrate: s.Migrate}
	}
	return out
}

// service resolves a service name given on the command line.
func (p *Platform) service(name string) (catalog.Manifest, error) {
	return p.catalog().Lookup(name)
}
