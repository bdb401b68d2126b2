package gates

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strconv"
)

var cloverReport = report{
	kind: "clover report",
	fix:  "run phpunit with --coverage-clover <file> and a coverage driver (pcov or xdebug)",
}

// Coverage is the project-wide line coverage of a clover report.
type Coverage struct {
	Statements, Covered int
}

// Percent returns the covered share of statements in percent, 0 when there
// are no statements. It is for display; CheckCoverage compares exactly.
func (c Coverage) Percent() float64 {
	if c.Statements == 0 {
		return 0
	}
	return float64(c.Covered) * 100 / float64(c.Statements)
}

// ratio returns covered/statements*100 as an exact rational.
func (c Coverage) ratio() *big.Rat {
	r := big.NewRat(int64(c.Covered), int64(c.Statements))
	return r.Mul(r, big.NewRat(100, 1))
}

// cloverXML holds only the project totals: per-file metrics elements sit
// deeper and are deliberately not matched by the "metrics" path.
type cloverXML struct {
	XMLName xml.Name `xml:"coverage"`
	Project *struct {
		Metrics *struct {
			Statements *string `xml:"statements,attr"`
			Covered    *string `xml:"coveredstatements,attr"`
		} `xml:"metrics"`
	} `xml:"project"`
}

// ParseClover reads the project metrics of a PHPUnit clover report
// (<coverage><project><metrics statements=".." coveredstatements=".."/>).
func ParseClover(r io.Reader) (Coverage, error) {
	doc, err := decode[cloverXML](cloverReport, r, xml.Unmarshal)
	if err != nil {
		return Coverage{}, err
	}
	if doc.Project == nil || doc.Project.Metrics == nil {
		return Coverage{}, cloverReport.malformed(errors.New("no <project><metrics> element"))
	}
	m := doc.Project.Metrics
	c, err := cloverCounts(m.Statements, m.Covered)
	if err != nil {
		return Coverage{}, cloverReport.malformed(err)
	}
	if c.Statements == 0 {
		return c, fmt.Errorf("clover report has no executable statements: check the <coverage><include> paths in phpunit.xml")
	}
	return c, nil
}

// cloverCounts validates the two metrics attributes.
func cloverCounts(statements, covered *string) (Coverage, error) {
	s, err := count("statements", statements)
	if err != nil {
		return Coverage{}, err
	}
	c, err := count("coveredstatements", covered)
	if err != nil {
		return Coverage{}, err
	}
	if c > s {
		return Coverage{}, fmt.Errorf("coveredstatements %d > statements %d", c, s)
	}
	return Coverage{Statements: s, Covered: c}, nil
}

// maxCount bounds counters so that summing nested suites cannot overflow;
// no real report counts a trillion statements or tests.
const maxCount = 1 << 40

// count parses a required non-negative integer attribute.
func count(name string, v *string) (int, error) {
	if v == nil {
		return 0, fmt.Errorf("attribute %s is missing", name)
	}
	n, err := strconv.Atoi(*v)
	if err != nil || n < 0 || n > maxCount {
		return 0, fmt.Errorf("attribute %s=%q is not a non-negative integer", name, *v)
	}
	return n, nil
}

// CheckCoverage fails when line coverage is below min percent. The
// comparison is exact: 7999/10000 fails and 8000/10000 passes at min 80.
func CheckCoverage(c Coverage, min float64) error {
	threshold, err := decimal(min)
	if err != nil {
		return fmt.Errorf("coverage gate: %w", err)
	}
	if c.Statements <= 0 || c.Covered < 0 || c.Covered > c.Statements {
		return fmt.Errorf("no executable statements in coverage %d/%d: check the clover report", c.Covered, c.Statements)
	}
	if got := c.ratio(); got.Cmp(threshold) < 0 {
		return fmt.Errorf("line coverage %s < %s", percent(got), percent(threshold))
	}
	return nil
}
