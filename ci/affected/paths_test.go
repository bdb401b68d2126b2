package affected

import (
	"path"
	"reflect"
	"strings"
	"testing"
)

func TestParseChangedPaths(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr string
	}{
		{name: "newlines", in: "services/bff/a.php\nREADME.md\n", want: []string{"services/bff/a.php", "README.md"}},
		{name: "commas and spaces", in: " services/bff/a.php , ci/main.go,", want: []string{"services/bff/a.php", "ci/main.go"}},
		{name: "crlf", in: "a.php\r\nb.php\r\n", want: []string{"a.php", "b.php"}},
		{name: "cleaned", in: "./services//bff/./a.php\nservices/bff/", want: []string{"services/bff/a.php", "services/bff"}},
		{name: "deduped in order", in: "b\na\n./b\na", want: []string{"b", "a"}},
		{name: "git quoted", in: `"services/bff/caf\303\251.php"`, want: []string{"services/bff/café.php"}},
		{name: "empty", in: "", want: nil},
		{name: "only separators", in: "\n, \n", want: nil},
		{name: "absolute", in: "/etc/passwd", wantErr: `changed path "/etc/passwd" is absolute`},
		{name: "dot dot", in: "services/../../x", wantErr: `contains ".."`},
		{name: "dot dot that cleans away is still rejected", in: "services/bff/../audit/x", wantErr: `contains ".."`},
		{name: "root", in: "./", wantErr: "names the repository root"},
		{name: "bad quoting", in: `"unterminated`, wantErr: "bad quoting"},
		{name: "nul", in: "a\x00b", wantErr: "NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseChangedPaths(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzParseChangedPaths(f *testing.F) {
	for _, s := range []string{"services/bff/a.php\nREADME.md", "a,b, ./c", `"caf\303\251"`, "/abs", "../x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		paths, err := ParseChangedPaths(in)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, p := range paths {
			if p == "" || p == "." || path.IsAbs(p) || path.Clean(p) != p || seen[p] ||
				p == ".." || strings.HasPrefix(p, "../") {
				t.Fatalf("ParseChangedPaths(%q) returned bad path %q", in, p)
			}
			seen[p] = true
		}
	})
}
