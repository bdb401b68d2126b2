package main

import (
	"context"
	"fmt"
	"sync"

	"dagger/platform/catalog"
	"dagger/platform/internal/dagger"
	"dagger/platform/phpcmd"
	"dagger/platform/qa"
	"dagger/platform/versions"
)

// Paths inside every PHP container.
const (
	srcRoot    = "/src"     // the scoped source: services/<name> plus the shared packages it needs
	reportsDir = "/reports" // JUnit, clover and Infection reports
	cacheRoot  = "/cache"
)

// phpBase is the PHP CLI image with the extensions the services and their
// tests need, composer and the pinned QA phars. It depends on nothing of the
// repository, so it stays cached across every run and service.
func (p *Platform) phpBase() *dagger.Container {
	installer := dag.Container().
		From("mlocati/php-extension-installer:" + versions.ExtensionInstaller).
		File("/usr/bin/install-php-extensions")
	ctr := dag.Container().
		From("php:"+p.PhpVersion+"-cli-bookworm").
		WithFile("/usr/local/bin/install-php-extensions", installer).
		WithExec([]string{"install-php-extensions", "pdo_pgsql", "redis", "pcov", "zip"}).
		// git: Infection's --git-diff-lines; unzip: composer dist archives.
		WithExec([]string{"sh", "-c", "apt-get update && apt-get install -y --no-install-recommends git unzip && rm -rf /var/lib/apt/lists/*"}).
		WithFile("/usr/local/bin/composer", dag.Container().From("composer:"+versions.Composer).File("/usr/bin/composer"))
	for _, t := range qa.Tools() {
		ctr = ctr.WithFile("/usr/local/bin/"+t.Name, dag.HTTP(t.URL), dagger.ContainerWithFileOpts{Permissions: 0o755})
	}
	return ctr.
		WithEnvVariable("COMPOSER_CACHE_DIR", cacheRoot+"/composer").
		WithEnvVariable("COMPOSER_NO_INTERACTION", "1").
		WithEnvVariable("XDG_CACHE_HOME", cacheRoot+"/xdg")
}

// serviceSource is the part of the repository a service's steps may see: its
// own directory and the shared packages it depends on. Anything else changing
// leaves the service's steps cached.
func (p *Platform) serviceSource(m catalog.Manifest) *dagger.Directory {
	dir := dag.Directory().WithDirectory("services/"+m.Service, p.Source.Directory("services/"+m.Service))
	for _, shared := range p.sharedDirs(m.Service) {
		dir = dir.WithDirectory(shared, p.Source.Directory(shared))
	}
	return dir
}

// workspace is a service's source installed with its locked dependencies,
// ready for any QA or test command, run from the service directory. It is
// evaluated once per call and shared by ID: every step branching from it then
// costs one engine round trip instead of re-sending every object argument of
// its chain (the phars, the caches, the source directories).
func (p *Platform) workspace(ctx context.Context, m catalog.Manifest) (*dagger.Container, error) {
	return p.steps().workspace(m.Service, func() (*dagger.Container, error) {
		ws, err := p.unsyncedWorkspace(m).Sync(ctx)
		if err != nil {
			return nil, fmt.Errorf("composer install: %w", execDetail(err))
		}
		return ws, nil
	})
}

func (p *Platform) unsyncedWorkspace(m catalog.Manifest) *dagger.Container {
	return p.phpBase().
		WithMountedCache(cacheRoot+"/composer", dag.CacheVolume("platform-composer")).
		WithMountedCache(cacheRoot+"/xdg", dag.CacheVolume("platform-xdg-"+m.Service), dagger.ContainerWithMountedCacheOpts{Sharing: dagger.CacheSharingModeLocked}).
		WithMountedCache("/tmp/phpstan", dag.CacheVolume("platform-phpstan-"+m.Service), dagger.ContainerWithMountedCacheOpts{Sharing: dagger.CacheSharingModeLocked}).
		WithDirectory(srcRoot, p.serviceSource(m)).
		WithWorkdir(srcRoot + "/services/" + m.Service).
		WithExec(phpcmd.ComposerInstall())
}

// stepCache memoizes evaluated containers for the length of one function call.
type stepCache struct {
	mu sync.Mutex
	ws map[string]func() (*dagger.Container, error)
}

func (p *Platform) steps() *stepCache {
	p.once.Do(func() { p.cache = &stepCache{ws: map[string]func() (*dagger.Container, error){}} })
	return p.cache
}

func (c *stepCache) workspace(service string, build func() (*dagger.Container, error)) (*dagger.Container, error) {
	c.mu.Lock()
	get, ok := c.ws[service]
	if !ok {
		get = sync.OnceValues(build)
		c.ws[service] = get
	}
	c.mu.Unlock()
	return get()
}
