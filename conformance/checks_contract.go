package conformance

import (
	"fmt"
	"slices"
	"strings"
)

func checkServicePorts(objs []Object, _ Contract) []string {
	var errs []string
	for _, o := range objs {
		switch o.Kind() {
		case "Service":
			for _, p := range maps(lookup(o.Doc, "spec", "ports")) {
				target := fmt.Sprint(p["targetPort"])
				for _, w := range selectedPods(objs, o.Namespace(), selectorOf(o)) {
					if !hasContainerPort(podTemplate(w), target) {
						errs = append(errs, fmt.Sprintf("%s: targetPort %s is not a container port of %s", o.ID(), target, w.Name()))
					}
				}
			}
		case "ServiceMonitor":
			errs = append(errs, monitorPorts(objs, o)...)
		}
	}
	return errs
}

// hasContainerPort matches a targetPort by name or number.
func hasContainerPort(tmpl map[string]any, target string) bool {
	for _, c := range containers(tmpl) {
		for _, p := range maps(c["ports"]) {
			if fmt.Sprint(p["name"]) == target || fmt.Sprint(p["containerPort"]) == target {
				return true
			}
		}
	}
	return false
}

// monitorPorts checks that each scraped port is a named port of the selected Services.
func monitorPorts(objs []Object, o Object) []string {
	var errs []string
	for _, ep := range maps(lookup(o.Doc, "spec", "endpoints")) {
		for _, s := range selectedServices(objs, o.Namespace(), labels(o.Doc, "spec", "selector", "matchLabels")) {
			if !slices.ContainsFunc(maps(lookup(s.Doc, "spec", "ports")), func(p map[string]any) bool { return p["name"] == ep["port"] }) {
				errs = append(errs, fmt.Sprintf("%s: port %v is not a port of Service %s", o.ID(), ep["port"], s.Name()))
			}
		}
	}
	return errs
}

func checkMetrics(objs []Object, c Contract) []string {
	allowed := scrapeLabels(objs, c.MetricLabels)
	var errs []string
	for _, o := range objs {
		if o.Kind() != "AnalysisTemplate" {
			continue
		}
		for _, m := range maps(lookup(o.Doc, "spec", "metrics")) {
			series, lbls := QueryRefs(str(m, "provider", "prometheus", "query"))
			if len(series) == 0 {
				errs = append(errs, fmt.Sprintf("%s: metric %v queries no series", o.ID(), m["name"]))
			}
			for _, s := range series {
				if !emitted(s, c.Metrics) {
					errs = append(errs, fmt.Sprintf("%s: %s is not a metric the services emit (%s)", o.ID(), s, MetricNamesFile))
				}
			}
			for _, l := range lbls {
				if !allowed[l] {
					errs = append(errs, fmt.Sprintf("%s: label %s is neither emitted nor added by a ServiceMonitor", o.ID(), l))
				}
			}
		}
	}
	return errs
}

// scrapeLabels adds the pod labels ServiceMonitors copy onto every series.
func scrapeLabels(objs []Object, emitted map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range emitted {
		out[k] = true
	}
	for _, o := range objs {
		if o.Kind() == "ServiceMonitor" {
			l, _ := lookup(o.Doc, "spec", "podTargetLabels").([]any)
			for _, l := range l {
				out[promLabel(fmt.Sprint(l))] = true
			}
		}
	}
	return out
}

// promLabel is how Prometheus sanitizes a Kubernetes label into a label name.
func promLabel(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, k)
}
