package gates

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseJUnit(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    TestSummary
		wantErr string
	}{
		{
			name: "real phpunit 9.6 report, nested suites counted once",
			in:   fixture(t, "junit.xml"),
			want: TestSummary{Tests: 9, Assertions: 8, Skipped: 1, Time: 21834 * time.Microsecond},
		},
		{
			name: "real failing report",
			in:   fixture(t, "junit-failing.xml"),
			want: TestSummary{Tests: 9, Assertions: 7, Failures: 1, Errors: 1, Skipped: 1, Time: 2498 * time.Microsecond,
				Failed: []string{`Fixture\Tests\CalculatorTest::testFailsOnDemand`, `Fixture\Tests\CalculatorTest::testErrorsOnDemand`}},
		},
		{
			name: "real report with a warning",
			in:   fixture(t, "junit-warning.xml"),
			want: TestSummary{Tests: 9, Assertions: 8, Warnings: 1, Skipped: 1, Time: 7473 * time.Microsecond},
		},
		{
			name: "bare root sums its top-level suites",
			in:   `<testsuites><testsuite name="Unit" tests="3" time="1"/><testsuite name="Integration" tests="2" failures="1" time="0.5"><testcase name="t" classname="C"><failure/></testcase></testsuite></testsuites>`,
			want: TestSummary{Tests: 5, Failures: 1, Time: 1500 * time.Millisecond, Failed: []string{"C::t"}},
		},
		{
			name: "root with totals wins over children",
			in:   `<testsuites tests="4" failures="0"><testsuite tests="4"><testsuite tests="4"/></testsuite></testsuites>`,
			want: TestSummary{Tests: 4},
		},
		{
			name: "single testsuite root",
			in:   `<testsuite name="x" tests="2" skipped="1" errors="0" failures="0"/>`,
			want: TestSummary{Tests: 2, Skipped: 1},
		},
		{
			name: "suites without totals count their cases",
			in:   `<testsuites><testsuite><testcase name="a" time="0.25"/><testcase name="b"><error/></testcase><testcase name="c"><skipped/></testcase></testsuite></testsuites>`,
			want: TestSummary{Tests: 3, Errors: 1, Skipped: 1, Time: 250 * time.Millisecond, Failed: []string{"b"}},
		},
		{name: "no tests", in: `<testsuites/>`, want: TestSummary{}},
		{name: "empty", in: "", wantErr: "JUnit report is empty: run phpunit with --log-junit"},
		{name: "not xml", in: "PHP Fatal error", wantErr: "JUnit report is malformed"},
		{name: "truncated", in: `<testsuites><testsuite tests="1">`, wantErr: "malformed"},
		{name: "other root", in: `<coverage/>`, wantErr: "root element is <coverage>"},
		{name: "bad count", in: `<testsuite tests="many"/>`, wantErr: `tests="many" is not a non-negative integer`},
		{name: "negative count", in: `<testsuite tests="1" failures="-1"/>`, wantErr: `failures="-1"`},
		{name: "bad time", in: `<testsuite tests="1" time="soon"/>`, wantErr: `time="soon"`},
		{name: "bad case time", in: `<testsuites><testcase name="a" time="-1"/></testsuites>`, wantErr: `time="-1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseJUnit(strings.NewReader(tt.in))
			wantErr(t, err, tt.wantErr)
			if tt.wantErr == "" && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCheckTests(t *testing.T) {
	tests := []struct {
		name    string
		in      TestSummary
		wantErr string
	}{
		{name: "all pass", in: TestSummary{Tests: 8, Skipped: 1}},
		{name: "only skipped still ran", in: TestSummary{Tests: 1, Skipped: 1}},
		{name: "zero tests", in: TestSummary{}, wantErr: "no tests ran: check the test suite name"},
		{name: "failures", in: TestSummary{Tests: 8, Failures: 1, Errors: 1, Failed: []string{"A::a", "A::b"}},
			wantErr: "2 of 8 tests did not pass (1 failures, 1 errors): A::a, A::b"},
		{name: "warnings pass as in phpunit 9.6", in: TestSummary{Tests: 3, Warnings: 1}},
		{name: "failing case despite zero counters", in: TestSummary{Tests: 3, Failed: []string{"A::a"}}, wantErr: ": A::a"},
		{name: "long list is cut", in: TestSummary{Tests: 9, Failures: 7, Failed: []string{"1", "2", "3", "4", "5", "6", "7"}},
			wantErr: ": 1, 2, 3, 4, 5 and 2 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, CheckTests(tt.in), tt.wantErr)
		})
	}
}

func TestCheckTestsOnRealReports(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "passing", in: "junit.xml"},
		{name: "warning passes", in: "junit-warning.xml"},
		{name: "failing", in: "junit-failing.xml", wantErr: `2 of 9 tests did not pass (1 failures, 1 errors): Fixture\Tests\CalculatorTest::testFailsOnDemand`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseFile("testdata/"+tt.in, ParseJUnit)
			if err != nil {
				t.Fatal(err)
			}
			wantErr(t, CheckTests(s), tt.wantErr)
		})
	}
}

func TestParseFile(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "present", in: "testdata/clover.xml"},
		{name: "missing", in: "testdata/nope.xml", wantErr: "testdata/nope.xml: report not found: did the tool run"},
		{name: "wrong kind", in: "testdata/junit.xml", wantErr: "testdata/junit.xml: clover report is malformed"},
		{name: "directory", in: "testdata", wantErr: "testdata: clover report could not be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile(tt.in, ParseClover)
			wantErr(t, err, tt.wantErr)
		})
	}
}

func FuzzParseJUnit(f *testing.F) {
	for _, name := range []string{"junit.xml", "junit-failing.xml", "junit-warning.xml"} {
		f.Add(fixture(f, name))
	}
	f.Add(`<testsuites><testsuite><testcase name="a"><failure/></testcase></testsuite></testsuites>`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseJUnit(strings.NewReader(in))
		if err != nil {
			return
		}
		if s.Tests < 0 || s.Failures < 0 || s.Errors < 0 || s.Skipped < 0 {
			t.Fatalf("negative counts in %+v", s)
		}
		_ = CheckTests(s)
	})
}
