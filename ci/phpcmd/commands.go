// Package phpcmd builds the PHP commands the pipeline runs in containers and
// the host runner runs on this machine, so both run the very same argv.
//
// Every command runs with the service directory as working directory.
// Reports go to a directory the caller names; the file names are fixed here.
package phpcmd

import "path"

// Report file names inside the report directory.
const (
	// CloverFile is the unit suite's coverage report (PHPUnit clover XML).
	CloverFile = "clover.xml"
	// JUnitUnitFile is the unit suite's JUnit report.
	JUnitUnitFile = "junit-unit.xml"
	// JUnitIntegrationFile is the integration suite's JUnit report.
	JUnitIntegrationFile = "junit-integration.xml"
)

// Test suite names every phpunit.xml.dist declares.
const (
	// UnitSuite needs no server and carries the coverage gate.
	UnitSuite = "Unit"
	// IntegrationSuite talks to the real PostgreSQL and Redis of DATABASE_URL and REDIS_URL.
	IntegrationSuite = "Integration"
)

// ComposerInstall installs the locked dependencies, dev ones included (the
// test suites need autoload-dev). It needs no network: the only repository is
// the path repository ../shared and packagist is disabled in composer.json.
func ComposerInstall() []string {
	return []string{"composer", "install", "--no-interaction", "--no-progress", "--prefer-dist", "--no-scripts"}
}

// UnitTests runs the Unit suite with line coverage (the pcov extension must
// be enabled) and writes clover and JUnit reports into reportDir.
func UnitTests(reportDir string) []string {
	return []string{
		"phpunit", "--testsuite", UnitSuite,
		"--coverage-clover", path.Join(reportDir, CloverFile),
		"--log-junit", path.Join(reportDir, JUnitUnitFile),
	}
}

// IntegrationTests runs the Integration suite without coverage and writes a
// JUnit report into reportDir.
func IntegrationTests(reportDir string) []string {
	return []string{
		"phpunit", "--testsuite", IntegrationSuite, "--no-coverage",
		"--log-junit", path.Join(reportDir, JUnitIntegrationFile),
	}
}

// Migrate returns the manifest's migration command (empty when the service
// has no database), a copy the caller may change freely.
func Migrate(m Manifest) []string {
	return append([]string(nil), m.Migrate...)
}

// Lint checks the syntax of one PHP file.
func Lint(file string) []string {
	return []string{"php", "-l", file}
}

// CodeStyle checks PSR-12 on the given paths, ignoring vendor/ and build/.
func CodeStyle(paths ...string) []string {
	args := []string{"phpcs", "--standard=PSR12", "--extensions=php", "--ignore=*/vendor/*,*/build/*", "-q"}
	return append(args, paths...)
}
