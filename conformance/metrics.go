package conformance

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

// MetricNamesFile is the one list of metric names the services emit and the
// analysis templates may query.
const MetricNamesFile = "services/shared/src/Metrics/MetricNames.php"

var phpMetricConst = regexp.MustCompile(`(?m)^\s*public const [A-Z0-9_]+ = '([a-z_:][a-z0-9_:]*)';`)

// ReadMetricNames parses `public const X = 'name';` lines of MetricNamesFile.
func ReadMetricNames(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the metric names the services emit: %w (the services' shared code must define them)", err)
	}
	return ParseMetricNames(string(b))
}

// ParseMetricNames extracts metric names from the PHP source of MetricNames.
func ParseMetricNames(src string) (map[string]bool, error) {
	names := map[string]bool{}
	for _, m := range phpMetricConst.FindAllStringSubmatch(src, -1) {
		names[m[1]] = true
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no `public const NAME = 'metric_name';` line found")
	}
	return names, nil
}

// emitted reports whether a series name is an emitted metric or one of the
// series Prometheus derives from a histogram.
func emitted(series string, names map[string]bool) bool {
	if names[series] {
		return true
	}
	for _, suffix := range []string{"_bucket", "_sum", "_count"} {
		if base, ok := strings.CutSuffix(series, suffix); ok && names[base] {
			return true
		}
	}
	return false
}

var (
	// promSelector matches `name{...}` or a bare name followed by `[range]`.
	promSelector = regexp.MustCompile(`([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\}|\[)`)
	promMatcher  = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)`)
	promGrouping = regexp.MustCompile(`\b(?:by|without)\s*\(([^)]*)\)`)
	// rolloutArg is an Argo Rollouts argument ({{args.name}}), substituted at run time.
	rolloutArg   = regexp.MustCompile(`\{\{[^}]*\}\}`)
	promKeywords = map[string]bool{"by": true, "without": true, "on": true, "ignoring": true}
)

// QueryRefs returns the series names and label names a PromQL query uses.
func QueryRefs(q string) (series, labels []string) {
	q = rolloutArg.ReplaceAllString(q, "arg")
	for _, m := range promSelector.FindAllStringSubmatch(q, -1) {
		if !promKeywords[m[1]] && !isPromFunction(q, m[1]) {
			series = append(series, m[1])
		}
		for _, lm := range promMatcher.FindAllStringSubmatch(m[2], -1) {
			labels = append(labels, lm[1])
		}
	}
	for _, g := range promGrouping.FindAllStringSubmatch(q, -1) {
		for _, l := range strings.Split(g[1], ",") {
			labels = append(labels, strings.TrimSpace(l))
		}
	}
	return dedupe(series), dedupe(labels)
}

// isPromFunction tells a function call (`rate(`) from a selector; selectors
// are followed by `{` or `[`, never by `(`.
func isPromFunction(q, name string) bool {
	return strings.Contains(q, name+"(") && !strings.Contains(q, name+"{") && !strings.Contains(q, name+"[")
}

func dedupe(in []string) []string {
	set := map[string]bool{}
	for _, s := range in {
		if s != "" {
			set[s] = true
		}
	}
	return sortedKeys(set)
}
