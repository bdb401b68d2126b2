package license

import (
	"os"
	"strings"
	"testing"
)

func testPolicy(t *testing.T) *Policy {
	t.Helper()
	p, err := ParsePolicy([]byte(`{
		"allowed": ["MIT", "BSD-3-Clause", "Apache-2.0"],
		"denied": ["GPL-2.0-or-later", "GPL-3.0-only", "AGPL-3.0-or-later"],
		"exceptions": [{"package": "acme/excepted", "reason": "linked dynamically, reviewed by legal"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestJudge(t *testing.T) {
	tests := []struct {
		name     string
		licenses []string
		want     string // "" means allowed
	}{
		{"allowed", []string{"MIT"}, ""},
		{"case-insensitive", []string{"mit"}, ""},
		{"array is OR", []string{"GPL-3.0-only", "BSD-3-Clause"}, ""},
		{"expression OR lowercase", []string{"(MIT or GPL-3.0)"}, ""},
		{"nested", []string{"(GPL-3.0-only OR (MIT AND Apache-2.0))"}, ""},
		{"WITH judged by license", []string{"Apache-2.0 WITH LLVM-exception"}, ""},
		{"plus on permissive", []string{"Apache-2.0+"}, ""},
		{"denied deprecated id", []string{"GPL-3.0"}, "denied license GPL-3.0"},
		{"denied plus", []string{"GPL-2.0+"}, "denied license GPL-2.0+"},
		{"AND needs both", []string{"MIT AND AGPL-3.0-or-later"}, "denied license AGPL-3.0-or-later"},
		{"unknown", []string{"WTFPL"}, "not in the allowlist: WTFPL"},
		{"none", nil, "declares no license"},
		{"empty array", []string{}, "declares no license"},
		{"broken expression", []string{"(MIT OR"}, "not in the allowlist: (MIT OR"},
		{"denied and unknown", []string{"GPL-3.0-only", "WTFPL"}, "denied license GPL-3.0-only; license not in the allowlist: WTFPL"},
	}
	p := testPolicy(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := p.judge(Package{Name: "x/y", Version: "1", Licenses: tt.licenses})
			switch {
			case tt.want == "" && !ok:
				t.Fatalf("judged a violation: %s", v)
			case tt.want != "" && (ok || !strings.Contains(v.String(), tt.want)):
				t.Fatalf("got ok=%v %q, want a violation containing %q", ok, v, tt.want)
			}
		})
	}
}

func TestCheckFixtureLock(t *testing.T) {
	data, err := os.ReadFile("testdata/mixed.composer.lock")
	if err != nil {
		t.Fatal(err)
	}
	lock, err := ParseLock(data)
	if err != nil {
		t.Fatal(err)
	}
	err = testPolicy(t).Check(lock)
	if err == nil {
		t.Fatal("fixture lock passed the license policy")
	}
	for _, want := range []string{
		"5 package(s) fail", "acme/gpl 2.0.0: denied license GPL-3.0", "acme/and 1.0.0: denied license AGPL-3.0-or-later",
		"acme/odd 0.1.0: license not in the allowlist: WTFPL", "acme/none 0.1.0: declares no license",
		"acme/dev-tool 1.0.0 (dev): denied license GPL-2.0+", PolicyPath,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not contain %q:\n%v", want, err)
		}
	}
	for _, passed := range []string{"psr/log", "acme/dual", "acme/array-or", "acme/excepted", "phpunit"} {
		if strings.Contains(err.Error(), passed) {
			t.Errorf("error names %s, which the policy allows:\n%v", passed, err)
		}
	}
}

func TestParseLock(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" means valid
	}{
		{"no packages at all", `{"packages": [], "packages-dev": []}`, ""},
		{"no dev section", `{"packages": []}`, ""},
		{"string license", `{"packages": [{"name": "a/b", "license": "MIT"}]}`, ""},
		{"empty", ``, "empty"},
		{"not json", `composer`, "composer.lock"},
		{"no packages key", `{"packages-dev": []}`, `no "packages" array`},
		{"packages null", `{"packages": null}`, `no "packages" array`},
		{"nameless", `{"packages": [{"version": "1"}]}`, "has no name"},
		{"bad license", `{"packages": [{"name": "a/b", "license": 3}]}`, "license must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLock([]byte(tt.in))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("ParseLock: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("ParseLock error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParsePolicy(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"valid", `{"allowed": ["MIT"], "denied": [], "exceptions": []}`, ""},
		{"empty allowlist", `{"allowed": []}`, "allowed is empty"},
		{"overlap", `{"allowed": ["GPL-3.0-only"], "denied": ["GPL-3.0"]}`, "both allowed and denied"},
		{"exception without reason", `{"allowed": ["MIT"], "exceptions": [{"package": "a/b"}]}`, "needs a package and a reason"},
		{"typo", `{"allowed": ["MIT"], "allow": ["X"]}`, "unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePolicy([]byte(tt.in))
			if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("ParsePolicy error = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestRepositoryPolicy keeps the committed policy valid and sane.
func TestRepositoryPolicy(t *testing.T) {
	data, err := os.ReadFile("../../" + PolicyPath)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePolicy(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "ISC"} {
		if !p.allowed[normalize(id)] {
			t.Errorf("%s is not allowed", id)
		}
	}
	for _, id := range []string{"GPL-3.0", "AGPL-3.0-only", "GPL-2.0+"} {
		if !p.denied[normalize(id)] {
			t.Errorf("%s is not denied", id)
		}
	}
}
