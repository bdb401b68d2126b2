package report

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
)

// maxReason bounds a reason in the table views; Err keeps it whole.
const maxReason = 200

// Table renders the rows as aligned plain text followed by the counts.
func (r *Report) Table() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SERVICE\tSTAGE\tSTATUS\tDURATION\tREASON\tARTIFACT")
	for _, row := range r.Rows() {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", oneLine(row.Service), oneLine(row.Stage),
			oneLine(string(row.Status)), duration(row.Duration), short(oneLine(row.Reason)), oneLine(row.Artifact))
	}
	w.Flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n" + r.Summary().String() + "\n"
}

// Markdown renders a table and a mermaid gantt chart of the stage timings,
// for a CI job summary.
func (r *Report) Markdown() string {
	rows := r.Rows()
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", r.Summary())
	b.WriteString("| Service | Stage | Status | Duration | Reason | Artifact |\n")
	b.WriteString("|---|---|---|---:|---|---|\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", cell(row.Service), cell(row.Stage),
			badge(row.Status), duration(row.Duration), cell(short(row.Reason)), code(row.Artifact))
	}
	if g := gantt(rows); g != "" {
		b.WriteString("\n" + g)
	}
	return b.String()
}

// duration rounds for reading: milliseconds below a second, tenths above;
// "-" when nothing ran (a skip).
func duration(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(100 * time.Millisecond).String()
}

func badge(s Status) string {
	switch s {
	case Pass:
		return "✅ pass"
	case Fail:
		return "❌ fail"
	case Skipped:
		return "⏭️ skipped"
	}
	return "❌ " + cell(string(s)) + " (invalid)"
}

// oneLine keeps a multi-line value on its table row.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// short cuts s to maxReason runes.
func short(s string) string {
	if r := []rune(s); len(r) > maxReason {
		return string(r[:maxReason-1]) + "…"
	}
	return s
}

// cellEscaper escapes what Markdown would read as markup or HTML, and the
// pipe that would end a table cell.
var cellEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "&", "&amp;", "<", "&lt;", ">", "&gt;",
	"*", `\*`, "_", `\_`, "`", "\\`", "\r", "", "\n", "<br>")

// cell escapes a value for a Markdown table cell, keeping its line breaks.
func cell(s string) string {
	return cellEscaper.Replace(s)
}

// code renders a non-empty value as inline code; in a GFM table only the
// pipe needs escaping there, and a backtick would end the span.
func code(s string) string {
	if s == "" {
		return ""
	}
	return "`" + strings.NewReplacer("|", `\|`, "`", "'").Replace(oneLine(s)) + "`"
}
