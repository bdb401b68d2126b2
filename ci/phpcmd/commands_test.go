package phpcmd

import (
	"reflect"
	"testing"
)

func TestCommands(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"composer install", ComposerInstall(), []string{"composer", "install", "--no-interaction", "--no-progress", "--prefer-dist", "--no-scripts"}},
		{"unit", UnitTests("/reports"), []string{"phpunit", "--testsuite", "Unit", "--coverage-clover", "/reports/clover.xml", "--log-junit", "/reports/junit-unit.xml"}},
		{"unit relative", UnitTests("build/reports/"), []string{"phpunit", "--testsuite", "Unit", "--coverage-clover", "build/reports/clover.xml", "--log-junit", "build/reports/junit-unit.xml"}},
		{"integration", IntegrationTests("/r"), []string{"phpunit", "--testsuite", "Integration", "--no-coverage", "--log-junit", "/r/junit-integration.xml"}},
		{"migrate", Migrate(Manifest{Postgres: true, Migrate: []string{"php", "bin/migrate.php"}}), []string{"php", "bin/migrate.php"}},
		{"migrate none", Migrate(Manifest{}), nil},
		{"lint", Lint("src/App.php"), []string{"php", "-l", "src/App.php"}},
		{"code style", CodeStyle("a", "b"), []string{"phpcs", "--standard=PSR12", "--extensions=php", "--ignore=*/vendor/*,*/build/*", "-q", "a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.in, tt.want) {
				t.Errorf("got  %q\nwant %q", tt.in, tt.want)
			}
		})
	}
}

func TestMigrateReturnsACopy(t *testing.T) {
	m := Manifest{Postgres: true, Migrate: []string{"php", "bin/migrate.php"}}
	Migrate(m)[0] = "changed"
	if m.Migrate[0] != "php" {
		t.Fatalf("Migrate shares its slice with the manifest: %q", m.Migrate)
	}
}
