// Package versions pins every tool and image the pipeline runs, once.
//
// The image a stage pulls and the binary a test runs on this machine carry the
// same version, and tests enforce it (versions_test.go for the tools installed
// here, the stage plan tests for the images). Shell scripts read these
// constants with sed from this file, never by copying them.
package versions

const (
	// Dagger is the engine and Go SDK version the module is built for.
	Dagger = "v0.21.9"
	// PHP is the PHP minor version of every image (this machine runs 8.2; code is valid on both).
	PHP = "8.3"
	// PHPUnit runs the Unit and Integration suites (phar in the pipeline, Debian's phpunit here).
	PHPUnit = "9.6.7"
	// Composer installs dependencies (image composer:<Composer>, Debian's composer here).
	Composer = "2.5.5"
	// PHPStan analyses at the level of each service's phpstan.neon.
	PHPStan = "2.1.17"
	// Psalm analyses at the errorLevel of each service's psalm.xml.
	Psalm = "6.12.0"
	// PHPCSFixer checks the code style of each service's .php-cs-fixer.dist.php.
	PHPCSFixer = "3.75.0"
	// Infection runs mutation testing.
	Infection = "0.29.14"
	// ExtensionInstaller installs PHP extensions (pdo_pgsql, redis, pcov) into the PHP image.
	ExtensionInstaller = "2.7.31"
	// Staticcheck lints the Go of both modules in make vet (a host tool only).
	Staticcheck = "0.8.2"
	// Trivy scans code, images and manifests (image aquasec/trivy:<Trivy>).
	Trivy = "0.74.0"
	// Kustomize renders the overlays the scan stage checks (image
	// registry.k8s.io/kustomize/kustomize:<Kustomize>): v5.8.1 is built on
	// sigs.k8s.io/kustomize/api v0.21.1, the renderer of the conformance tests.
	Kustomize = "v5.8.1"
	// Snyk is the tag of the snyk/snyk image that runs `snyk test` when a token
	// is given. Snyk tags its CLI images by ecosystem; the CLI is a thin client
	// of the Snyk API, so it cannot be run or pinned meaningfully offline.
	Snyk = "php"
	// Postgres is the image tag of the integration-test database.
	Postgres = "15-alpine"
	// Redis is the image tag of the integration-test cache.
	Redis = "7-alpine"
)
