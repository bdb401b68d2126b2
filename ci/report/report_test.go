package report

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Fatalf("%s differs (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", file, got, want)
	}
}

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// pullRequest is a run of three services over lint, test and mutation,
// added concurrently as the orchestrator would.
func pullRequest() *Report {
	r := New("lint", "test", "mutation")
	rows := []Row{
		{Service: "bff", Stage: "mutation", Status: Fail, Start: t0.Add(41 * time.Second), Duration: 95 * time.Second,
			Reason: "MSI 65.20% < 70.00%; escaped: src/Handler.php:12 Plus", Artifact: "reports/bff/infection.json"},
		{Service: "bff", Stage: "test", Status: Fail, Start: t0.Add(12 * time.Second), Duration: 29*time.Second + 400*time.Millisecond,
			Reason: "line coverage 71.20% < 80.00%", Artifact: "reports/bff"},
		{Service: "bff", Stage: "lint", Status: Pass, Start: t0, Duration: 12 * time.Second},
		{Service: "audit", Stage: "lint", Status: Pass, Start: t0.Add(300 * time.Millisecond), Duration: 9*time.Second + 870*time.Millisecond},
		{Service: "audit", Stage: "test", Status: Pass, Start: t0.Add(10 * time.Second), Duration: 48 * time.Second, Artifact: "reports/audit"},
		{Service: "audit", Stage: "mutation", Status: Pass, Start: t0.Add(58 * time.Second), Duration: 61 * time.Second,
			Reason: "no mutants generated (no changed lines?)"},
		{Service: "llm-agent", Stage: "lint", Status: Skipped, Reason: "not affected by this change"},
		{Service: "llm-agent", Stage: "test", Status: Skipped, Reason: "not affected by this change"},
		{Service: "llm-agent", Stage: "mutation", Status: Skipped, Reason: "not affected by this change"},
	}
	var wg sync.WaitGroup
	for _, row := range rows {
		wg.Go(func() { r.Add(row) })
	}
	wg.Wait()
	return r
}

func TestTableGolden(t *testing.T) {
	golden(t, "pull-request.txt", pullRequest().Table())
}

func TestMarkdownGolden(t *testing.T) {
	golden(t, "pull-request.md", pullRequest().Markdown())
}

func TestMarkdownHostileNamesGolden(t *testing.T) {
	r := New("lint")
	r.Add(Row{Service: "a:b;c#d%%e", Stage: "title", Status: Fail, Start: t0, Duration: 0,
		Reason: "line 1 | col 2\n<script>alert(1)</script> *bold* `x`", Artifact: "a|b`c"})
	r.Add(Row{Service: "", Stage: "section x", Status: "weird", Start: t0.Add(time.Second), Duration: time.Second})
	golden(t, "hostile.md", r.Markdown())
}

func TestMarkdownWithoutTimings(t *testing.T) {
	r := New()
	r.Add(Row{Service: "bff", Stage: "lint", Status: Skipped, Reason: "no credentials"})
	if md := r.Markdown(); strings.Contains(md, "mermaid") {
		t.Fatalf("chart without timings:\n%s", md)
	}
}

func TestRowsOrder(t *testing.T) {
	r := New("lint", "test")
	for _, row := range []Row{
		{Service: "b", Stage: "test"}, {Service: "b", Stage: "scan"}, {Service: "a", Stage: "test"},
		{Service: "b", Stage: "lint"}, {Service: "b", Stage: "build"}, {Service: "a", Stage: "lint"},
	} {
		r.Add(row)
	}
	var got []string
	for _, row := range r.Rows() {
		got = append(got, row.Service+"/"+row.Stage)
	}
	want := "a/lint a/test b/lint b/test b/build b/scan"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %v, want %s", got, want)
	}
}

func TestErr(t *testing.T) {
	tests := []struct {
		name string
		in   []Row
		want string
	}{
		{name: "empty", in: nil, want: ""},
		{name: "passes and skips", in: []Row{{Service: "a", Stage: "lint", Status: Pass}, {Service: "a", Stage: "test", Status: Skipped}}, want: ""},
		{
			name: "every failure named",
			in: []Row{
				{Service: "bff", Stage: "test", Status: Fail, Reason: "line coverage 71.20% < 80.00%"},
				{Service: "audit", Stage: "lint", Status: Fail, Reason: "phpstan, psalm"},
				{Service: "audit", Stage: "test", Status: Pass},
			},
			want: "audit/lint: phpstan, psalm\nbff/test: line coverage 71.20% < 80.00%",
		},
		{name: "no reason", in: []Row{{Service: "a", Stage: "b", Status: Fail}}, want: "a/b: failed (no reason given)"},
		{name: "missing status fails closed", in: []Row{{Service: "a", Stage: "b", Reason: "x"}}, want: `a/b: invalid status "": x`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New("lint", "test")
			for _, row := range tt.in {
				r.Add(row)
			}
			err := r.Err()
			if got := errString(err); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name string
		in   *Report
		want string
	}{
		{name: "pull request", in: pullRequest(), want: "4 passed, 2 failed, 3 skipped"},
		{name: "zero value", in: &Report{}, want: "0 passed, 0 failed, 0 skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Summary().String(); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestConcurrentAdd(t *testing.T) {
	r := New("lint")
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			r.Add(Row{Service: "s", Stage: "lint", Status: Pass, Duration: time.Duration(i)})
			_ = r.Rows()
		})
	}
	wg.Wait()
	if n := r.Summary().Pass; n != 100 {
		t.Fatalf("got %d rows, want 100", n)
	}
}
