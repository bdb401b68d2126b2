package main

import (
	"regexp"
	"strings"
	"testing"
)

func TestRunExitCode(t *testing.T) {
	const pass = `{"Action":"pass","Package":"p","Test":"TestA"}` + "\n" + `{"Action":"pass","Package":"p","Elapsed":0.1}`
	tests := []struct {
		name string
		in   string
		want int
	}{
		{name: "all pass", in: pass, want: 0},
		{name: "a failing test", in: pass + "\n" + `{"Action":"fail","Package":"q","Test":"TestB"}` + "\n" + `{"Action":"fail","Package":"q"}`, want: 1},
		{name: "a package that does not build", in: pass + "\n" + `{"Action":"fail","Package":"r","Elapsed":0}`, want: 1},
		{name: "no test at all", in: `{"Action":"pass","Package":"p"}`, want: 1},
		{name: "empty input", in: "", want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := run(strings.NewReader(tt.in), regexp.MustCompile("^$"), "tests"); got != tt.want {
				t.Fatalf("exit code = %d, want %d", got, tt.want)
			}
		})
	}
}
