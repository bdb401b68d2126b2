// Package versions pins every tool the pipeline runs, once.
//
// The image a stage pulls and the binary a test runs on this machine carry the
// same version; tests in this package and in the stages enforce it. Shell
// scripts read these constants with `go run ./cmd/pins` (never by copying).
package versions

const (
	// Dagger is the engine and Go SDK version the module is built for.
	Dagger = "v0.21.9"
	// PHP is the PHP minor version of every image (this machine runs 8.2; code is valid on both).
	PHP = "8.3"
	// Trivy scans code, images and manifests (image aquasec/trivy:<Trivy>).
	Trivy = "0.74.0"
)
