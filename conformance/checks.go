package conformance

import (
	"fmt"
	"strings"
)

// Check is one cross-object rule; it returns one message per violation.
type Check struct {
	Name string
	// PlatformOnly marks rules of the service contract, which do not apply to
	// other manifests (Argo CD, CI runners).
	PlatformOnly bool
	Run          func(objs []Object, c Contract) []string
}

// Checks are run on every rendered kustomization, in this order.
var Checks = []Check{
	{"analysis templates exist", false, checkAnalysisTemplates},
	{"selectors match pods", false, checkSelectors},
	{"services target container ports", false, checkServicePorts},
	{"no secret data", false, checkNoSecretData},
	{"images are the pipeline's", true, checkImages},
	{"queried metrics are emitted", true, checkMetrics},
	{"pods follow the service contract", true, checkPodContract},
	{"secrets carry what services need", true, checkSecretKeys},
	{"migrations run before the release", true, checkMigrations},
}

// analysisRefs returns the analysis blocks of a Rollout (background, steps, blue-green).
func analysisRefs(o Object) []map[string]any {
	s, _ := lookup(o.Doc, "spec", "strategy").(map[string]any)
	var out []map[string]any
	for _, path := range [][]string{{"canary", "analysis"}, {"blueGreen", "prePromotionAnalysis"}, {"blueGreen", "postPromotionAnalysis"}} {
		if a, ok := lookup(s, path...).(map[string]any); ok {
			out = append(out, a)
		}
	}
	for _, step := range maps(lookup(s, "canary", "steps")) {
		if a, ok := step["analysis"].(map[string]any); ok {
			out = append(out, a)
		}
	}
	return out
}

func checkAnalysisTemplates(objs []Object, _ Contract) []string {
	templates := byKind(objs, "AnalysisTemplate")
	var errs []string
	for _, o := range objs {
		if o.Kind() != "Rollout" {
			continue
		}
		for _, a := range analysisRefs(o) {
			given := map[string]bool{}
			for _, arg := range maps(a["args"]) {
				given[fmt.Sprint(arg["name"])] = true
			}
			for _, ref := range maps(a["templates"]) {
				name := fmt.Sprint(ref["templateName"])
				t, ok := templates[o.Namespace()+"/"+name]
				if !ok {
					errs = append(errs, fmt.Sprintf("%s: analysis template %q does not exist", o.ID(), name))
					continue
				}
				errs = append(errs, missingArgs(o, t, given)...)
			}
		}
	}
	return errs
}

// missingArgs lists the template arguments without a default the Rollout does not pass.
func missingArgs(o, t Object, given map[string]bool) []string {
	var errs []string
	for _, arg := range maps(lookup(t.Doc, "spec", "args")) {
		_, hasValue := arg["value"]
		_, hasFrom := arg["valueFrom"]
		if name := fmt.Sprint(arg["name"]); !hasValue && !hasFrom && !given[name] {
			errs = append(errs, fmt.Sprintf("%s: template %s needs argument %q", o.ID(), t.Name(), name))
		}
	}
	return errs
}

func checkSelectors(objs []Object, _ Contract) []string {
	var errs []string
	for _, o := range objs {
		ns := o.Namespace()
		switch o.Kind() {
		case "Rollout", "Deployment", "DaemonSet":
			if !subset(labels(o.Doc, "spec", "selector", "matchLabels"), labels(podTemplate(o), "metadata", "labels")) {
				errs = append(errs, o.ID()+": selector does not match its pod template labels")
			}
		case "Service", "PodDisruptionBudget", "NetworkPolicy":
			if len(selectedPods(objs, ns, selectorOf(o))) == 0 {
				errs = append(errs, o.ID()+": selector matches no pod template")
			}
		case "ServiceMonitor":
			if len(selectedServices(objs, ns, labels(o.Doc, "spec", "selector", "matchLabels"))) == 0 {
				errs = append(errs, o.ID()+": selector matches no Service")
			}
		case "HorizontalPodAutoscaler":
			ref := labels(o.Doc, "spec", "scaleTargetRef")
			if _, ok := byKind(objs, ref["kind"])[ns+"/"+ref["name"]]; !ok {
				errs = append(errs, fmt.Sprintf("%s: scale target %s/%s does not exist", o.ID(), ref["kind"], ref["name"]))
			}
		}
		errs = append(errs, meshHosts(objs, o)...)
	}
	return errs
}

// selectorOf returns the pod selector of a Service, PDB or NetworkPolicy.
func selectorOf(o Object) map[string]string {
	switch o.Kind() {
	case "Service":
		return labels(o.Doc, "spec", "selector")
	case "NetworkPolicy":
		return labels(o.Doc, "spec", "podSelector", "matchLabels")
	}
	return labels(o.Doc, "spec", "selector", "matchLabels")
}

func selectedServices(objs []Object, ns string, sel map[string]string) []Object {
	var out []Object
	for _, s := range objs {
		if s.Kind() == "Service" && s.Namespace() == ns && subset(sel, labels(s.Doc, "metadata", "labels")) {
			out = append(out, s)
		}
	}
	return out
}

// meshHosts checks that Istio objects route to Services that exist.
func meshHosts(objs []Object, o Object) []string {
	var hosts []string
	switch o.Kind() {
	case "DestinationRule":
		hosts = []string{str(o.Doc, "spec", "host")}
	case "VirtualService":
		for _, h := range maps(lookup(o.Doc, "spec", "http")) {
			for _, r := range maps(h["route"]) {
				hosts = append(hosts, str(r, "destination", "host"))
			}
		}
	}
	services := byKind(objs, "Service")
	var errs []string
	for _, h := range hosts {
		if _, ok := services[o.Namespace()+"/"+h]; !ok {
			errs = append(errs, fmt.Sprintf("%s: host %q is not a Service of this namespace", o.ID(), h))
		}
	}
	return errs
}

func checkNoSecretData(objs []Object, _ Contract) []string {
	var errs []string
	for _, o := range objs {
		if o.Kind() == "Secret" && (lookup(o.Doc, "data") != nil || lookup(o.Doc, "stringData") != nil) {
			errs = append(errs, o.ID()+": Secret with data in git; use an ExternalSecret")
		}
	}
	return errs
}

func checkImages(objs []Object, c Contract) []string {
	names := c.serviceNames()
	var errs []string
	for _, o := range objs {
		for _, ctr := range containers(anyPodTemplate(o)) {
			image := fmt.Sprint(ctr["image"])
			if svc, ok := strings.CutPrefix(imageName(image), ImageRepo); !ok || !names[svc] {
				errs = append(errs, fmt.Sprintf("%s: image %q is not %s<service> (the pipeline only updates those)", o.ID(), image, ImageRepo))
			}
		}
	}
	return errs
}

// imageName strips the tag and digest from an image reference.
func imageName(ref string) string {
	ref, _, _ = strings.Cut(ref, "@")
	if i := strings.LastIndex(ref, ":"); i > strings.LastIndex(ref, "/") {
		return ref[:i]
	}
	return ref
}
