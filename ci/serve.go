package main

import (
	"strconv"
	"strings"

	"dagger/platform/internal/dagger"
	"dagger/platform/phpcmd"
)

// Serve runs one service on its port with PostgreSQL and Redis bound and
// migrated, for local work: dagger call serve --service=bff up --ports=8080:8080
func (p *Platform) Serve(
	// Service to run
	service string,
) (*dagger.Service, error) {
	m, err := p.service(service)
	if err != nil {
		return nil, err
	}
	// Migrate in the same process tree as the server: a bound database that
	// was migrated by an earlier, finished step may have been restarted empty.
	run := "exec php -S 0.0.0.0:" + strconv.Itoa(m.Port) + " -t public public/index.php"
	if m.Postgres {
		run = shellJoin(phpcmd.Migrate(m)) + " && " + run
	}
	return p.withDependencies(p.unsyncedWorkspace(m), m).
		WithEnvVariable("APP_ENV", "dev").
		WithExposedPort(m.Port).
		AsService(dagger.ContainerAsServiceOpts{Args: []string{"sh", "-c", run}}), nil
}

// shellJoin quotes argv for sh -c.
func shellJoin(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(quoted, " ")
}
