package versions

import (
	"os/exec"
	"regexp"
	"testing"
)

// TestHostToolsMatchPins enforces that the tools the tests run on this machine
// are the versions the pipeline's images pin, so "it passed here" means the
// same tool passed. Trivy's pin is enforced by package trivy (go version -m).
func TestHostToolsMatchPins(t *testing.T) {
	tests := []struct {
		name string
		argv []string
		re   string // the version as the tool prints it
		want string
	}{
		{name: "phpunit", argv: []string{"phpunit", "--version"}, re: `PHPUnit (\d+\.\d+\.\d+)`, want: PHPUnit},
		{name: "composer", argv: []string{"composer", "--version", "--no-ansi"}, re: `Composer (?:version )?(\d+\.\d+\.\d+)`, want: Composer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := exec.Command(tt.argv[0], tt.argv[1:]...).CombinedOutput()
			if err != nil {
				t.Fatalf("%v: %v\n%s\ninstall it with scripts/deps.sh", tt.argv, err, out)
			}
			m := regexp.MustCompile(tt.re).FindSubmatch(out)
			if m == nil {
				t.Fatalf("cannot read a version from %v:\n%s", tt.argv, out)
			}
			if string(m[1]) != tt.want {
				t.Fatalf("%s here is %s but the pipeline pins %s: the tests would not prove the pipeline's tool", tt.name, m[1], tt.want)
			}
		})
	}
}
