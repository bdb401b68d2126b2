package main

import (
	"context"
	"strings"
	"testing"

	"dagger/platform/daggertest"
)

func TestServeMigratesThenServesWithDependencies(t *testing.T) {
	p, eng := repoPlatform(t)
	svc, err := p.Serve(bothDeps)
	if err != nil {
		t.Fatal(err)
	}
	id, err := svc.ID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	as := eng.Lookup(string(id)).Find("asService")
	if as == nil {
		t.Fatal("Serve did not return a container service")
	}
	run := strings.Join(as.Args.Strings("args"), " ")
	if !strings.HasPrefix(run, "sh -c 'php' 'bin/migrate.php' && exec php -S 0.0.0.0:8080") {
		t.Errorf("service command = %q: migrations must run first, then the server on 8080", run)
	}
	ctr := daggertest.ContainerOf(as.Parent)
	if len(ctr.Ports) != 1 || ctr.Ports[0] != 8080 {
		t.Errorf("exposed ports = %v", ctr.Ports)
	}
	for _, alias := range []string{"postgres", "redis"} {
		if _, ok := ctr.Service(alias); !ok {
			t.Errorf("%s is not bound", alias)
		}
	}
	if _, err := p.Serve("nope"); err == nil || !strings.Contains(err.Error(), "known services are") {
		t.Errorf("unknown service: %v", err)
	}
}
