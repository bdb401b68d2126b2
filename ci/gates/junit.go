package gates

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

var junitReport = report{
	kind: "JUnit report",
	fix:  "run phpunit with --log-junit <file>",
}

// TestSummary is the outcome of a test run as a JUnit report tells it.
type TestSummary struct {
	Tests, Assertions, Failures, Errors, Warnings, Skipped int
	Time                                                   time.Duration
	// Failed names each failing or erroring test case as Class::method.
	Failed []string
}

// junitSuite matches both <testsuites> and <testsuite>: PHPUnit nests
// suites (root, named suite, class, data provider) inside one another.
type junitSuite struct {
	XMLName    xml.Name
	Tests      *string      `xml:"tests,attr"`
	Assertions *string      `xml:"assertions,attr"`
	Failures   *string      `xml:"failures,attr"`
	Errors     *string      `xml:"errors,attr"`
	Warnings   *string      `xml:"warnings,attr"`
	Skipped    *string      `xml:"skipped,attr"`
	Time       *string      `xml:"time,attr"`
	Suites     []junitSuite `xml:"testsuite"`
	Cases      []junitCase  `xml:"testcase"`
}

type junitCase struct {
	Name      string    `xml:"name,attr"`
	Class     string    `xml:"class,attr"`
	ClassName string    `xml:"classname,attr"`
	Time      string    `xml:"time,attr"`
	Failure   *struct{} `xml:"failure"`
	Error     *struct{} `xml:"error"`
	Skipped   *struct{} `xml:"skipped"`
}

// ParseJUnit reads a JUnit XML report. A suite that carries totals counts
// once with them, never again through its nested suites; a suite without
// totals (PHPUnit's bare <testsuites> root) sums its children.
func ParseJUnit(r io.Reader) (TestSummary, error) {
	root, err := decode[junitSuite](junitReport, r, xml.Unmarshal)
	if err != nil {
		return TestSummary{}, err
	}
	if n := root.XMLName.Local; n != "testsuites" && n != "testsuite" {
		return TestSummary{}, junitReport.malformed(fmt.Errorf("root element is <%s>, want <testsuites> or <testsuite>", n))
	}
	s, err := root.summary()
	if err != nil {
		return TestSummary{}, junitReport.malformed(err)
	}
	s.Failed = root.failed(nil)
	return s, nil
}

// summary returns the suite's own totals when it has them, else the sum of
// its children and direct test cases.
func (s junitSuite) summary() (TestSummary, error) {
	if s.Tests != nil {
		return s.totals()
	}
	var sum TestSummary
	for _, child := range s.Suites {
		c, err := child.summary()
		if err != nil {
			return TestSummary{}, err
		}
		sum = sum.add(c)
	}
	for _, tc := range s.Cases {
		c, err := tc.summary()
		if err != nil {
			return TestSummary{}, err
		}
		sum = sum.add(c)
	}
	return sum, nil
}

// totals reads the counting attributes of a suite; only tests is required
// because other producers omit the counters that are zero.
func (s junitSuite) totals() (TestSummary, error) {
	var t TestSummary
	var errs []error
	for _, f := range []struct {
		name string
		v    *string
		dst  *int
	}{
		{"tests", s.Tests, &t.Tests}, {"assertions", s.Assertions, &t.Assertions},
		{"failures", s.Failures, &t.Failures}, {"errors", s.Errors, &t.Errors},
		{"warnings", s.Warnings, &t.Warnings}, {"skipped", s.Skipped, &t.Skipped},
	} {
		if f.v != nil {
			n, err := count(f.name, f.v)
			*f.dst, errs = n, append(errs, err)
		}
	}
	var err error
	t.Time, err = seconds(s.Time)
	return t, errors.Join(append(errs, err)...)
}

// summary counts one test case for suites that carry no totals.
func (tc junitCase) summary() (TestSummary, error) {
	d, err := seconds(&tc.Time)
	t := TestSummary{Tests: 1, Time: d}
	switch {
	case tc.Error != nil:
		t.Errors = 1
	case tc.Failure != nil:
		t.Failures = 1
	case tc.Skipped != nil:
		t.Skipped = 1
	}
	return t, err
}

func (t TestSummary) add(o TestSummary) TestSummary {
	t.Tests += o.Tests
	t.Assertions += o.Assertions
	t.Failures += o.Failures
	t.Errors += o.Errors
	t.Warnings += o.Warnings
	t.Skipped += o.Skipped
	t.Time += o.Time
	return t
}

// failed appends the names of failing and erroring cases, depth first.
func (s junitSuite) failed(names []string) []string {
	for _, tc := range s.Cases {
		if tc.Failure != nil || tc.Error != nil {
			names = append(names, tc.id())
		}
	}
	for _, child := range s.Suites {
		names = child.failed(names)
	}
	return names
}

func (tc junitCase) id() string {
	class := tc.Class
	if class == "" {
		class = tc.ClassName
	}
	if class == "" {
		return tc.Name
	}
	return class + "::" + tc.Name
}

// maxSeconds bounds a time attribute (about 115 days) so sums stay far
// from overflowing time.Duration.
const maxSeconds = 1e7

// seconds parses an optional time attribute in seconds.
func seconds(v *string) (time.Duration, error) {
	if v == nil || strings.TrimSpace(*v) == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(*v), 64)
	if err != nil || f < 0 || math.IsNaN(f) || f > maxSeconds {
		return 0, fmt.Errorf("attribute time=%q is not a duration in seconds", *v)
	}
	return time.Duration(f * float64(time.Second)), nil
}

// CheckTests fails when any test failed or errored, and when no test ran
// at all, since an empty run usually means a wrong filter or path rather
// than success. Warnings pass, as they do for PHPUnit 9.6 itself (exit code
// 0) unless failOnWarning is set in phpunit.xml.
func CheckTests(s TestSummary) error {
	if s.Tests <= 0 {
		return errors.New("no tests ran: check the test suite name and the paths in phpunit.xml")
	}
	bad := s.Failures + s.Errors
	if bad == 0 && len(s.Failed) == 0 {
		return nil
	}
	msg := fmt.Sprintf("%d of %d tests did not pass (%d failures, %d errors)",
		max(bad, len(s.Failed)), s.Tests, s.Failures, s.Errors)
	if len(s.Failed) > 0 {
		msg += ": " + firstN(s.Failed, 5)
	}
	return errors.New(msg)
}

// firstN joins up to n items and says how many were left out.
func firstN(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
