package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// gantt renders the timed rows as a mermaid gantt chart, one section per
// service, or "" when no row has a start time. Times are offsets in
// milliseconds from the earliest start (dateFormat x reads epoch
// milliseconds), so the axis counts minutes and seconds from zero.
func gantt(rows []Row) string {
	origin, ok := earliest(rows)
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString("```mermaid\ngantt\n    title Stage timings\n    dateFormat x\n    axisFormat %M:%S\n")
	section, started := "", false
	for i, row := range rows {
		if row.Start.IsZero() {
			continue
		}
		if name := mermaidText(row.Service); !started || name != section {
			section, started = name, true
			fmt.Fprintf(&b, "    section %s\n", section)
		}
		fmt.Fprintf(&b, "    %s :%s t%d, %d, %dms\n", mermaidText(row.Stage), tag(row.Status), i,
			row.Start.Sub(origin).Milliseconds(), max(row.Duration.Milliseconds(), 1))
	}
	b.WriteString("```\n")
	return b.String()
}

// earliest returns the first start time among the rows.
func earliest(rows []Row) (time.Time, bool) {
	var first time.Time
	for _, row := range rows {
		if !row.Start.IsZero() && (first.IsZero() || row.Start.Before(first)) {
			first = row.Start
		}
	}
	return first, !first.IsZero()
}

// tag maps a status to mermaid's task tags: done bars are grey, crit red.
func tag(s Status) string {
	switch s {
	case Pass:
		return "done,"
	case Skipped:
		return ""
	}
	return "crit,"
}

// mermaidText keeps letters, digits and a few safe marks. Mermaid reads ':'
// as the start of task data, ';' and '#' as statement and entity marks, and
// '%%' as a comment, so anything else becomes '_'.
func mermaidText(s string) string {
	out := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" -_./", r) {
			return r
		}
		return '_'
	}, s)
	out = strings.TrimSpace(out)
	if first, _, _ := strings.Cut(strings.ToLower(out), " "); out == "" || keywords[first] {
		return "_" + out
	}
	return out
}

// keywords start a statement in mermaid's gantt grammar when they open a
// line, so a task or section named after one must not begin with it.
var keywords = map[string]bool{
	"title": true, "section": true, "dateformat": true, "axisformat": true, "tickinterval": true,
	"excludes": true, "includes": true, "todaymarker": true, "weekday": true, "weekend": true,
	"inclusiveenddates": true, "topaxis": true, "acctitle": true, "accdescr": true, "click": true,
	"displaymode": true, "gantt": true,
}
