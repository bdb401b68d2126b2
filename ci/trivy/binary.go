package trivy

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"dagger/platform/versions"
)

// PinnedBinary returns $TRIVY_BIN after proving with `go version -m` that it
// is trivy at the pinned version (Go-built trivy prints "dev" for --version).
// Tests that run the real binary call it and fail, never skip, on an error:
// a missing binary must not turn them green.
func PinnedBinary() (string, error) {
	bin := os.Getenv("TRIVY_BIN")
	if bin == "" {
		return "", fmt.Errorf("TRIVY_BIN is not set: build trivy v%[1]s with "+
			"`GOEXPERIMENT=jsonv2 go install github.com/aquasecurity/trivy/cmd/trivy@v%[1]s` "+
			"(in its own module, cached outside the clone; scripts/deps.sh does it) and export TRIVY_BIN=<path>", versions.Trivy)
	}
	got, err := BinaryVersion(bin)
	if err != nil {
		return "", err
	}
	if got != "v"+versions.Trivy {
		return "", fmt.Errorf("TRIVY_BIN=%s is trivy %q, the pipeline pins v%s (versions.Trivy)", bin, got, versions.Trivy)
	}
	return bin, nil
}

// BinaryVersion reads the trivy module version a Go binary was built from.
func BinaryVersion(bin string) (string, error) {
	out, err := exec.Command("go", "version", "-m", bin).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go version -m %s: %v\n%s", bin, err, out)
	}
	if v := moduleVersion(string(out), "github.com/aquasecurity/trivy"); v != "" {
		return v, nil
	}
	return "", fmt.Errorf("%s was not built from github.com/aquasecurity/trivy", bin)
}

// moduleVersion reads the main module's version from `go version -m` output.
func moduleVersion(out, module string) string {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "mod" && f[1] == module {
			return f[2]
		}
	}
	return ""
}
