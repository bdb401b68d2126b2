// Package config validates the options every stage shares and derives names
// from them (image references), so a bad value fails in New, before any step.
package config

import (
	"fmt"
	"regexp"
)

// Options are the module-wide settings given to New.
type Options struct {
	Registry    string // registry host[:port], e.g. ghcr.io or 127.0.0.1:5000
	Namespace   string // image namespace under the registry, e.g. ai-workflow-platform
	PHPVersion  string // PHP minor version of every image, e.g. 8.3
	Concurrency int    // steps in flight at once
}

// MaxConcurrency bounds fan-out: more parallel steps than this only thrash a runner.
const MaxConcurrency = 64

var (
	registryRE  = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?(:[0-9]{1,5})?$`)
	namespaceRE = regexp.MustCompile(`^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$`)
	phpRE       = regexp.MustCompile(`^8\.[1-9][0-9]?$`)
)

// Validate returns the first invalid option with the value that was given and the expected form.
func (o Options) Validate() error {
	switch {
	case !registryRE.MatchString(o.Registry):
		return fmt.Errorf("--registry %q is not a registry host: want host[:port], e.g. ghcr.io or 127.0.0.1:5000", o.Registry)
	case !namespaceRE.MatchString(o.Namespace):
		return fmt.Errorf("--namespace %q is not an image namespace: want lowercase path segments of [a-z0-9._-], e.g. ai-workflow-platform", o.Namespace)
	case !phpRE.MatchString(o.PHPVersion):
		return fmt.Errorf("--php-version %q is not a PHP 8 minor version: want e.g. 8.3", o.PHPVersion)
	case o.Concurrency < 1 || o.Concurrency > MaxConcurrency:
		return fmt.Errorf("--concurrency %d is out of range: want 1 to %d", o.Concurrency, MaxConcurrency)
	}
	return nil
}

// Image returns the repository of a service's image, without tag: the name the
// infrastructure overlays list under `images:` and the GitOps step updates.
func (o Options) Image(service string) string {
	return o.Registry + "/" + o.Namespace + "/" + service
}
