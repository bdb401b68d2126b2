package trivy

import "strings"

// Binary is the program name in the aquasec/trivy image. The argv builders
// return arguments without it so a test can run the same argv with its own binary.
const Binary = "trivy"

// noIgnoreFile turns off Trivy's own .trivyignore lookup (it reads one from the
// working directory by default): the ignore policy is applied in Go only.
const noIgnoreFile = "/dev/null"

// allSeverities keeps every finding in the raw JSON; the threshold is Go's job.
const allSeverities = "UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL"

// Options are what every scan command line needs. Paths are as the running
// trivy sees them: inside the container in the stage, temp dirs in tests.
type Options struct {
	Target       string   // directory (fs, config), image reference, or image archive with Tarball
	Output       string   // where the JSON report is written
	CacheDir     string   // vulnerability DB and scan cache; a cache volume in the stage
	SkipDBUpdate bool     // air-gapped: use the DB already in CacheDir, make no network calls for it
	SkipDirs     []string // globs trivy must not walk, e.g. "**/vendor"
	Tarball      bool     // image Target is an image archive (read with --input)
}

// FSArgs scans a source tree: vulnerabilities in lock files (composer.lock),
// committed secrets and package licenses.
func FSArgs(o Options) []string {
	args := []string{"fs", "--scanners", "vuln,secret,license"}
	args = append(args, o.common()...)
	args = append(args, o.dbFlags()...)
	return append(args, o.Target)
}

// ConfigArgs scans a tree of Kubernetes manifests and Dockerfiles for
// misconfigurations, and nothing else (no Terraform, Helm or CloudFormation
// guessing). The checks bundled in the pinned binary are used
// (--skip-check-update), so the stage and the tests here run the same checks.
func ConfigArgs(o Options) []string {
	args := []string{"config", "--misconfig-scanners", "kubernetes,dockerfile", "--skip-check-update"}
	args = append(args, o.common()...)
	return append(args, o.Target)
}

// ImageArgs scans a built image for vulnerable OS and language packages.
func ImageArgs(o Options) []string {
	args := []string{"image", "--scanners", "vuln", "--pkg-types", "os,library"}
	args = append(args, o.common()...)
	args = append(args, o.dbFlags()...)
	if o.Tarball {
		return append(args, "--input", o.Target)
	}
	return append(args, o.Target)
}

// ConvertSARIFArgs turns a (filtered) JSON report into SARIF 2.1.0. Severity
// and ignore filtering are switched off: the JSON already holds exactly the
// findings the gate blocks on, and convert must not drop any of them.
func ConvertSARIFArgs(jsonReport, sarifOut string) []string {
	return []string{"convert", "--format", "sarif", "--output", sarifOut,
		"--severity", allSeverities, "--ignorefile", noIgnoreFile, jsonReport}
}

// common are the flags of every scan: unfiltered JSON, no phoning home.
func (o Options) common() []string {
	args := []string{"--format", "json", "--output", o.Output,
		"--severity", allSeverities, "--ignorefile", noIgnoreFile,
		"--skip-version-check", "--disable-telemetry"}
	if o.CacheDir != "" {
		args = append(args, "--cache-dir", o.CacheDir)
	}
	if len(o.SkipDirs) > 0 {
		args = append(args, "--skip-dirs", strings.Join(o.SkipDirs, ","))
	}
	return args
}

// dbFlags are for the scanners that read the vulnerability DB.
func (o Options) dbFlags() []string {
	args := []string{"--no-progress"}
	if o.SkipDBUpdate {
		args = append(args, "--skip-db-update", "--skip-java-db-update", "--offline-scan")
	}
	return args
}
