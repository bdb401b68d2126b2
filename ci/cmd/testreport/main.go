// Command testreport reads `go test -json` and prints one line per package with
// its counts, the full output of failed tests (and of tests named by -show),
// and a closing "N passed, N failed, N skipped" line. It exits non-zero when a
// test or a build failed, so `go test -json | testreport` is a faithful gate.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

type pkgStat struct {
	pass, fail, skip int
	failed           bool
	elapsed          float64
}

func main() {
	show := flag.String("show", "^$", "print the whole output of tests matching this regexp")
	label := flag.String("label", "tests", "one word printed before the closing line")
	flag.Parse()
	os.Exit(run(os.Stdin, regexp.MustCompile(*show), *label))
}

// run reads test2json events and returns the exit code.
func run(in io.Reader, showRE *regexp.Regexp, label string) int {
	stats := map[string]*pkgStat{}
	outputs := map[string][]string{}
	lines := map[string][]line{} // per package, in order, for -show
	var order []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		var ev event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			fmt.Println(sc.Text()) // build errors come as plain text
			continue
		}
		st := stats[ev.Package]
		if st == nil {
			st = &pkgStat{}
			stats[ev.Package] = st
			order = append(order, ev.Package)
		}
		key := ev.Package + " " + ev.Test
		switch ev.Action {
		case "output":
			outputs[key] = append(outputs[key], ev.Output)
			lines[ev.Package] = append(lines[ev.Package], line{ev.Test, ev.Output})
		case "pass", "fail", "skip":
			record(st, ev, outputs[key])
			if ev.Test != "" && !strings.Contains(ev.Test, "/") && showRE.MatchString(ev.Test) {
				showLog(ev.Test, lines[ev.Package])
			}
		}
	}
	return summarize(order, stats, label)
}

type line struct{ test, text string }

// showLog prints what a test and its subtests logged, without the runner's own
// RUN/PASS lines: for tests whose log is itself a report (per-service counts).
func showLog(name string, ls []line) {
	fmt.Printf("--- %s\n", name)
	for _, l := range ls {
		owned := l.test == name || strings.HasPrefix(l.test, name+"/")
		runner := strings.HasPrefix(l.text, "=== ") || strings.Contains(l.text, "--- PASS") || strings.Contains(l.text, "--- SKIP")
		if owned && !runner {
			fmt.Print(l.text)
		}
	}
}

func record(st *pkgStat, ev event, out []string) {
	if ev.Test == "" {
		st.elapsed = ev.Elapsed
		if ev.Action == "fail" {
			st.failed = true
			fmt.Print(strings.Join(out, ""))
		}
		return
	}
	switch ev.Action {
	case "pass":
		st.pass++
	case "fail":
		st.fail++
	case "skip":
		st.skip++
	}
	if ev.Action == "fail" {
		fmt.Printf("--- %s %s (%s)\n%s", strings.ToUpper(ev.Action), ev.Test, ev.Package, strings.Join(out, ""))
	}
}

func summarize(order []string, stats map[string]*pkgStat, label string) int {
	sort.Strings(order)
	var pass, fail, skip, broken int
	for _, p := range order {
		st := stats[p]
		if st.pass+st.fail+st.skip == 0 && !st.failed {
			continue
		}
		status := "ok  "
		if st.failed || st.fail > 0 {
			status = "FAIL"
			broken++
		}
		fmt.Printf("%s %-45s %4d passed %3d failed %3d skipped  %6.1fs\n", status, p, st.pass, st.fail, st.skip, st.elapsed)
		pass, fail, skip = pass+st.pass, fail+st.fail, skip+st.skip
	}
	fmt.Printf("%s: %d passed, %d failed, %d skipped\n", label, pass, fail, skip)
	if broken > 0 || fail > 0 || pass == 0 {
		return 1
	}
	return 0
}
