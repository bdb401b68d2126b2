package gates

import (
	"reflect"
	"strings"
	"testing"
)

func infection(stats string) string {
	return `{"stats":{` + stats + `},"escaped":[],"timeouted":[],"killed":[],"errored":[],"syntaxErrors":[],"uncovered":[],"ignored":[]}`
}

func TestParseInfection(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    MutationStats
		wantErr string
	}{
		{
			name: "documented format",
			in:   fixture(t, "infection.json"),
			want: MutationStats{Total: 10, Killed: 6, NotCovered: 1, Escaped: 3, MSI: 60, MutationCodeCoverage: 90, CoveredCodeMSI: 66.67,
				EscapedMutants: []Mutant{
					{File: "/app/src/Calculator.php", Line: 11, Mutator: "Plus"},
					{File: "/app/src/Calculator.php", Line: 30, Mutator: "GreaterThan"},
					{File: "/app/src/Calculator.php", Line: 16, Mutator: "UnaryMinus"},
				}},
		},
		{name: "no mutants", in: fixture(t, "infection-no-mutants.json"), want: MutationStats{}},
		{
			name: "older log without syntaxErrorCount and ignoredCount",
			in:   infection(`"totalMutantsCount":4,"killedCount":3,"escapedCount":1,"msi":75.5,"mutationCodeCoverage":100,"coveredCodeMsi":75.5`),
			want: MutationStats{Total: 4, Killed: 3, Escaped: 1, MSI: 75.5, MutationCodeCoverage: 100, CoveredCodeMSI: 75.5},
		},
		{name: "empty", in: "", wantErr: "Infection JSON log is empty: run infection with --logger-json"},
		{name: "not json", in: "In Infection.php line 1", wantErr: "Infection JSON log is malformed"},
		{name: "truncated", in: `{"stats":{"totalMutantsCount":1`, wantErr: "malformed"},
		{name: "array", in: `[]`, wantErr: "malformed"},
		{name: "no stats", in: `{"escaped":[]}`, wantErr: `no top-level "stats" object`},
		{name: "null stats", in: `{"stats":null}`, wantErr: `no top-level "stats" object`},
		{name: "no total", in: infection(`"msi":1,"coveredCodeMsi":1`), wantErr: `"stats.totalMutantsCount" is missing`},
		{name: "no msi", in: infection(`"totalMutantsCount":1,"coveredCodeMsi":1`), wantErr: `"stats.msi" or "stats.coveredCodeMsi" is missing`},
		{name: "msi as string", in: infection(`"totalMutantsCount":1,"msi":"70","coveredCodeMsi":1`), wantErr: "malformed"},
		{name: "negative count", in: infection(`"totalMutantsCount":1,"escapedCount":-2,"msi":1,"coveredCodeMsi":1`), wantErr: "stats.escapedCount is negative (-2)"},
		{name: "msi above 100", in: infection(`"totalMutantsCount":1,"msi":101,"coveredCodeMsi":1`), wantErr: "stats.msi is 101, not a percentage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseInfection(strings.NewReader(tt.in))
			wantErr(t, err, tt.wantErr)
			if tt.wantErr == "" && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCheckMSI(t *testing.T) {
	escaped := func(n int) []Mutant {
		ms := make([]Mutant, n)
		for i := range ms {
			ms[i] = Mutant{File: "src/A.php", Line: i + 1, Mutator: "Plus"}
		}
		return ms
	}
	tests := []struct {
		name     string
		in       MutationStats
		min      float64
		wantNote string
		wantErr  string
	}{
		{name: "no mutants passes with a note", in: MutationStats{}, min: 70, wantNote: "no mutants generated (no changed lines?)"},
		{name: "exactly at threshold", in: MutationStats{Total: 10, MSI: 70}, min: 70, wantNote: "MSI 70.00%, covered code MSI 0.00%, 10 mutants"},
		{name: "above", in: MutationStats{Total: 3, MSI: 100, CoveredCodeMSI: 100}, min: 70, wantNote: "MSI 100.00%"},
		{name: "69.99 fails", in: MutationStats{Total: 10000, MSI: 69.99}, min: 70, wantErr: "MSI 69.99% < 70.00%"},
		{name: "69.999 fails, shown truncated", in: MutationStats{Total: 10000, MSI: 69.999}, min: 70, wantErr: "MSI 69.99% < 70.00%"},
		{name: "fractional threshold exact", in: MutationStats{Total: 1, MSI: 70.1}, min: 70.1},
		{name: "below, no escaped listed", in: MutationStats{Total: 5, MSI: 65.2}, min: 70, wantErr: "MSI 65.20% < 70.00%"},
		{name: "below lists escaped", in: MutationStats{Total: 5, MSI: 60, EscapedMutants: escaped(2)}, min: 70,
			wantErr: "MSI 60.00% < 70.00%; escaped: src/A.php:1 Plus, src/A.php:2 Plus"},
		{name: "at most five escaped", in: MutationStats{Total: 9, MSI: 10, EscapedMutants: escaped(8)}, min: 70,
			wantErr: "src/A.php:5 Plus and 3 more"},
		{name: "bad threshold", in: MutationStats{Total: 1, MSI: 100}, min: 170, wantErr: "MSI gate: threshold 170 is not a percentage"},
		{name: "bad msi", in: MutationStats{Total: 1, MSI: -3}, min: 70, wantErr: "MSI -3 is not a percentage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			note, err := CheckMSI(tt.in, tt.min)
			wantErr(t, err, tt.wantErr)
			if !strings.Contains(note, tt.wantNote) {
				t.Fatalf("note %q does not contain %q", note, tt.wantNote)
			}
		})
	}
}

func TestCheckMSIOnFixture(t *testing.T) {
	s, err := ParseFile("testdata/infection.json", ParseInfection)
	if err != nil {
		t.Fatal(err)
	}
	_, err = CheckMSI(s, 70)
	want := "MSI 60.00% < 70.00%; escaped: /app/src/Calculator.php:11 Plus, /app/src/Calculator.php:30 GreaterThan, /app/src/Calculator.php:16 UnaryMinus"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

func FuzzParseInfection(f *testing.F) {
	for _, name := range []string{"infection.json", "infection-no-mutants.json"} {
		f.Add(fixture(f, name))
	}
	f.Add(infection(`"totalMutantsCount":1,"msi":1e2,"coveredCodeMsi":0`))
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseInfection(strings.NewReader(in))
		if err != nil {
			return
		}
		if s.MSI < 0 || s.MSI > 100 {
			t.Fatalf("accepted MSI %v", s.MSI)
		}
		_, _ = CheckMSI(s, 70)
	})
}
