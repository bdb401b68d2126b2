package gates

import (
	"os"
	"strings"
	"testing"
)

// fixture returns the content of a file under testdata.
func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wantErr checks that err is nil when want is empty and otherwise holds want.
func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && err == nil:
		t.Fatalf("no error, want one containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not contain %q", err, want)
	}
}

func clover(statements, covered string) string {
	return `<?xml version="1.0"?><coverage><project><file name="a.php"><metrics statements="1" coveredstatements="1"/></file>` +
		`<metrics files="1" statements="` + statements + `" coveredstatements="` + covered + `"/></project></coverage>`
}

func TestParseClover(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Coverage
		wantErr string
	}{
		{name: "real phpunit 9.6 report at 80%", in: fixture(t, "clover.xml"), want: Coverage{Statements: 10, Covered: 8}},
		{name: "real phpunit 9.6 report at 50%", in: fixture(t, "clover-low.xml"), want: Coverage{Statements: 10, Covered: 5}},
		{name: "project metrics, not file metrics", in: clover("200", "150"), want: Coverage{Statements: 200, Covered: 150}},
		{name: "empty", in: "", wantErr: "clover report is empty: run phpunit with --coverage-clover"},
		{name: "blank", in: " \n\t", wantErr: "is empty"},
		{name: "not xml", in: "Fatal error: Allowed memory size exhausted", wantErr: "clover report is malformed"},
		{name: "truncated", in: `<coverage><project><metrics statements="3"`, wantErr: "malformed"},
		{name: "other root", in: `<testsuites/>`, wantErr: "expected element type <coverage>"},
		{name: "no project", in: `<coverage/>`, wantErr: "no <project><metrics> element"},
		{name: "no project metrics", in: `<coverage><project><file><metrics statements="1" coveredstatements="1"/></file></project></coverage>`, wantErr: "no <project><metrics>"},
		{name: "missing statements", in: `<coverage><project><metrics coveredstatements="1"/></project></coverage>`, wantErr: "attribute statements is missing"},
		{name: "missing covered", in: `<coverage><project><metrics statements="1"/></project></coverage>`, wantErr: "attribute coveredstatements is missing"},
		{name: "not a number", in: clover("ten", "1"), wantErr: `statements="ten" is not a non-negative integer`},
		{name: "negative", in: clover("10", "-1"), wantErr: "coveredstatements=\"-1\""},
		{name: "covered above total", in: clover("10", "11"), wantErr: "coveredstatements 11 > statements 10"},
		{name: "zero statements", in: clover("0", "0"), wantErr: "no executable statements"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseClover(strings.NewReader(tt.in))
			wantErr(t, err, tt.wantErr)
			if tt.wantErr == "" && got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseCloverNilReader(t *testing.T) {
	_, err := ParseClover(nil)
	wantErr(t, err, "clover report is missing")
}

func TestCheckCoverage(t *testing.T) {
	tests := []struct {
		name    string
		in      Coverage
		min     float64
		wantErr string
	}{
		{name: "exactly 80% of 10", in: Coverage{Statements: 10, Covered: 8}, min: 80},
		{name: "exactly 80% of 5", in: Coverage{Statements: 5, Covered: 4}, min: 80},
		{name: "exactly 80% of 10000", in: Coverage{Statements: 10000, Covered: 8000}, min: 80},
		{name: "79.99% fails", in: Coverage{Statements: 10000, Covered: 7999}, min: 80, wantErr: "line coverage 79.99% < 80.00%"},
		{name: "79.9999% fails and is not shown as 80", in: Coverage{Statements: 1000000, Covered: 799999}, min: 80, wantErr: "line coverage 79.99% < 80.00%"},
		{name: "80.00% passes", in: Coverage{Statements: 10000, Covered: 8000}, min: 80.00},
		{name: "79.99 threshold exact", in: Coverage{Statements: 10000, Covered: 7999}, min: 79.99},
		{name: "just under 79.99", in: Coverage{Statements: 100000, Covered: 79989}, min: 79.99, wantErr: "79.98% < 79.99%"},
		{name: "one third vs 33.33", in: Coverage{Statements: 3, Covered: 1}, min: 33.33},
		{name: "one third vs 33.34", in: Coverage{Statements: 3, Covered: 1}, min: 33.34, wantErr: "line coverage 33.33% < 33.34%"},
		{name: "71.2%", in: Coverage{Statements: 1000, Covered: 712}, min: 80, wantErr: "line coverage 71.20% < 80.00%"},
		{name: "full", in: Coverage{Statements: 7, Covered: 7}, min: 100},
		{name: "zero min", in: Coverage{Statements: 7, Covered: 0}, min: 0},
		{name: "no statements", in: Coverage{}, min: 80, wantErr: "no executable statements"},
		{name: "covered above total", in: Coverage{Statements: 1, Covered: 2}, min: 80, wantErr: "no executable statements in coverage 2/1"},
		{name: "threshold above 100", in: Coverage{Statements: 1, Covered: 1}, min: 100.5, wantErr: "not a percentage"},
		{name: "negative threshold", in: Coverage{Statements: 1, Covered: 1}, min: -1, wantErr: "not a percentage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, CheckCoverage(tt.in, tt.min), tt.wantErr)
		})
	}
}

func TestCoveragePercent(t *testing.T) {
	tests := []struct {
		name string
		in   Coverage
		want float64
	}{
		{name: "eighty", in: Coverage{Statements: 10, Covered: 8}, want: 80},
		{name: "zero statements", in: Coverage{}, want: 0},
		{name: "half", in: Coverage{Statements: 4, Covered: 2}, want: 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Percent(); got != tt.want {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzParseClover(f *testing.F) {
	for _, name := range []string{"clover.xml", "clover-low.xml"} {
		f.Add(fixture(f, name))
	}
	f.Add(clover("0", "0"))
	f.Add(clover("3", "4"))
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ParseClover(strings.NewReader(in))
		if err != nil {
			return
		}
		// A parsed report must be one the gate can judge without panicking.
		if c.Statements <= 0 || c.Covered < 0 || c.Covered > c.Statements {
			t.Fatalf("accepted impossible coverage %+v", c)
		}
		_ = CheckCoverage(c, 80)
	})
}
