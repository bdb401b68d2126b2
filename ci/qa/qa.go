// Package qa builds the command lines of the static-analysis and mutation
// tools, and where their pinned releases come from. Like package phpcmd it is
// the one place these argv are written; the stages only run them.
package qa

import (
	"fmt"
	"strconv"

	"dagger/platform/versions"
)

// Tool is a PHP tool shipped as a phar at a pinned version.
type Tool struct {
	Name    string // the command name, e.g. phpstan
	Version string
	URL     string // release download of the phar
}

// Tools are the phars the lint and mutation stages install, in a stable order.
func Tools() []Tool {
	return []Tool{
		{Name: "phpunit", Version: versions.PHPUnit, URL: "https://phar.phpunit.de/phpunit-" + versions.PHPUnit + ".phar"},
		{Name: "phpstan", Version: versions.PHPStan, URL: "https://github.com/phpstan/phpstan/releases/download/" + versions.PHPStan + "/phpstan.phar"},
		{Name: "psalm", Version: versions.Psalm, URL: "https://github.com/vimeo/psalm/releases/download/" + versions.Psalm + "/psalm.phar"},
		{Name: "php-cs-fixer", Version: versions.PHPCSFixer, URL: "https://github.com/PHP-CS-Fixer/PHP-CS-Fixer/releases/download/v" + versions.PHPCSFixer + "/php-cs-fixer.phar"},
		{Name: "infection", Version: versions.Infection, URL: "https://github.com/infection/infection/releases/download/" + versions.Infection + "/infection.phar"},
	}
}

// Check is one lint tool run: its name in reports and its argv.
type Check struct {
	Tool string
	Args []string
}

// LintChecks are the lint steps of a service, each run from the service
// directory so the tool finds that service's own configuration. annotate
// switches to GitHub annotation output where the tool supports it.
func LintChecks(annotate bool) []Check {
	phpstan := []string{"phpstan", "analyse", "--no-progress", "--no-interaction", "--memory-limit=1G"}
	psalm := []string{"psalm", "--no-progress", "--threads=2", "--show-info=false"}
	if annotate {
		phpstan = append(phpstan, "--error-format=github")
		psalm = append(psalm, "--output-format=github")
	}
	return []Check{
		{Tool: "composer-validate", Args: []string{"composer", "validate", "--strict", "--no-check-publish"}},
		{Tool: "phpstan", Args: phpstan},
		{Tool: "psalm", Args: psalm},
		{Tool: "php-cs-fixer", Args: []string{"php-cs-fixer", "fix", "--dry-run", "--diff", "--config=.php-cs-fixer.dist.php", "--using-cache=no"}},
	}
}

// InfectionLog is where each service's infection.json5 writes the JSON log,
// relative to the service directory.
const InfectionLog = "build/infection/infection.json"

// Mutation returns the Infection argv. Its own MSI thresholds are zeroed: the
// gate is computed in Go from the JSON log, so a non-zero exit means Infection
// itself failed. With diffBase set only lines changed since it are mutated.
func Mutation(threads int, diffBase string) []string {
	args := []string{"infection", "--no-progress", "--no-interaction", "--min-msi=0", "--min-covered-msi=0",
		"--threads=" + strconv.Itoa(threads)}
	if diffBase != "" {
		args = append(args, "--git-diff-lines", fmt.Sprintf("--git-diff-base=%s", diffBase))
	}
	return args
}
