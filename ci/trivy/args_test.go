package trivy

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestArgs(t *testing.T) {
	common := "--format json --output /out/r.json --severity UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL --ignorefile /dev/null --skip-version-check --disable-telemetry"
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"fs", FSArgs(Options{Target: "/src", Output: "/out/r.json"}),
			"fs --scanners vuln,secret,license " + common + " --no-progress /src"},
		{"fs air-gapped with cache", FSArgs(Options{Target: "/src", Output: "/out/r.json", CacheDir: "/cache", SkipDBUpdate: true, SkipDirs: []string{"**/vendor", "ci"}}),
			"fs --scanners vuln,secret,license " + common + " --cache-dir /cache --skip-dirs **/vendor,ci --no-progress --skip-db-update --skip-java-db-update --offline-scan /src"},
		{"config", ConfigArgs(Options{Target: "/src", Output: "/out/r.json", CacheDir: "/cache", SkipDBUpdate: true}),
			"config --misconfig-scanners kubernetes,dockerfile --skip-check-update " + common + " --cache-dir /cache /src"},
		{"image ref", ImageArgs(Options{Target: "registry.local/bff:1", Output: "/out/r.json"}),
			"image --scanners vuln --pkg-types os,library " + common + " --no-progress registry.local/bff:1"},
		{"image tarball", ImageArgs(Options{Target: "/in/image.tar", Output: "/out/r.json", Tarball: true}),
			"image --scanners vuln --pkg-types os,library " + common + " --no-progress --input /in/image.tar"},
		{"convert", ConvertSARIFArgs("/out/f.json", "/out/r.sarif"),
			"convert --format sarif --output /out/r.sarif --severity UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL --ignorefile /dev/null /out/f.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(tt.in, " "); got != tt.want {
				t.Errorf("argv:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestArgsNeverFilter guards the design: a scan that filtered by severity or
// read Trivy's own ignore file would hide findings from the Go gate.
func TestArgsNeverFilter(t *testing.T) {
	o := Options{Target: "/src", Output: "/o.json"}
	for _, args := range [][]string{FSArgs(o), ConfigArgs(o), ImageArgs(o)} {
		for _, banned := range []string{"--ignore-unfixed", "--exit-code", "--ignore-policy", "--include-non-failures"} {
			if slices.Contains(args, banned) {
				t.Errorf("%v contains %s", args, banned)
			}
		}
		if i := slices.Index(args, "--severity"); i < 0 || args[i+1] != allSeverities {
			t.Errorf("%v does not ask for every severity", args)
		}
	}
}

// TestModuleVersion covers the pin check the real tests run on TRIVY_BIN.
func TestModuleVersion(t *testing.T) {
	const trivy = "github.com/aquasecurity/trivy"
	tests := []struct{ name, out, want string }{
		{"pinned", "/bin/trivy: go1.26.8-X:jsonv2\n\tpath\tgithub.com/aquasecurity/trivy/cmd/trivy\n\tmod\tgithub.com/aquasecurity/trivy\tv0.74.0\th1:x=\n", "v0.74.0"},
		{"other version", "\tmod\tgithub.com/aquasecurity/trivy\tv0.73.1\th1:x=\n", "v0.73.1"},
		{"dependency only", "\tmod\texample.com/tool\tv1.0.0\n\tdep\tgithub.com/aquasecurity/trivy\tv0.74.0\n", ""},
		{"not a Go binary", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := moduleVersion(tt.out, trivy); got != tt.want {
				t.Errorf("moduleVersion = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBinaryVersionRejectsOtherBinaries(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if v, err := BinaryVersion(self); err == nil {
		t.Errorf("BinaryVersion(test binary) = %q, want an error", v)
	}
}
