package conformance

import (
	"reflect"
	"testing"
)

func TestParseMetricNames(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		wantErr  bool
	}{
		{"constants", "    public const A = 'http_requests_total';\n    public const B = 'up';\n", []string{"http_requests_total", "up"}, false},
		{"arrays and other quotes are not names", "public const BUCKETS = [0.1];\npublic const C = \"x\";\n", nil, true},
		{"empty file", "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseMetricNames(tt.in)
			if (err != nil) != tt.wantErr || (!tt.wantErr && !reflect.DeepEqual(sortedKeys(got), tt.want)) {
				t.Errorf("ParseMetricNames = %v, %v; want %v (error %v)", sortedKeys(got), err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestQueryRefs(t *testing.T) {
	tests := []struct {
		name, in             string
		wantSeries, wantLbls []string
	}{
		{"ratio with rollout args",
			`sum(rate(a_total{service="{{args.service}}", status!~"5.."}[2m])) / sum(rate(a_total{service="{{args.service}}"}[2m]))`,
			[]string{"a_total"}, []string{"service", "status"}},
		{"histogram quantile",
			`histogram_quantile(0.95, sum by (le) (rate(d_seconds_bucket{route=~"/x"}[5m])))`,
			[]string{"d_seconds_bucket"}, []string{"le", "route"}},
		{"bare series with range", `rate(up[1m])`, []string{"up"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			series, lbls := QueryRefs(tt.in)
			if !reflect.DeepEqual(series, tt.wantSeries) || !reflect.DeepEqual(lbls, tt.wantLbls) {
				t.Errorf("QueryRefs = %v, %v; want %v, %v", series, lbls, tt.wantSeries, tt.wantLbls)
			}
		})
	}
}

func TestEmitted(t *testing.T) {
	names := map[string]bool{"http_request_duration_seconds": true}
	tests := []struct {
		in   string
		want bool
	}{
		{"http_request_duration_seconds", true},
		{"http_request_duration_seconds_bucket", true},
		{"http_request_duration_seconds_count", true},
		{"http_request_duration_seconds_max", false},
		{"http_requests_total", false},
	}
	for _, tt := range tests {
		if got := emitted(tt.in, names); got != tt.want {
			t.Errorf("emitted(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzQueryRefs(f *testing.F) {
	f.Add(`sum(rate(x{a="{{args.b}}"}[1m])) by (le)`)
	f.Add(`{{{`)
	f.Fuzz(func(t *testing.T, q string) { QueryRefs(q) })
}

func FuzzParseMetricNames(f *testing.F) {
	f.Add("public const A = 'a';")
	f.Fuzz(func(t *testing.T, src string) {
		names, err := ParseMetricNames(src)
		if err == nil && len(names) == 0 {
			t.Error("no names and no error")
		}
	})
}
