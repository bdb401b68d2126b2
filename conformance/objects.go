package conformance

import "fmt"

// workloadKinds are the kinds whose spec.template is a pod template.
var workloadKinds = map[string]bool{"Rollout": true, "Deployment": true, "DaemonSet": true}

// podTemplate returns spec.template of a workload, or nil.
func podTemplate(o Object) map[string]any {
	if !workloadKinds[o.Kind()] {
		return nil
	}
	t, _ := lookup(o.Doc, "spec", "template").(map[string]any)
	return t
}

// anyPodTemplate returns the pod template of a workload or a Job, or nil.
func anyPodTemplate(o Object) map[string]any {
	if o.Kind() == "Job" {
		t, _ := lookup(o.Doc, "spec", "template").(map[string]any)
		return t
	}
	return podTemplate(o)
}

// containers returns the containers of a pod template.
func containers(tmpl map[string]any) []map[string]any {
	return maps(lookup(tmpl, "spec", "containers"))
}

// maps returns the maps of a list, skipping anything else.
func maps(v any) []map[string]any {
	l, _ := v.([]any)
	var out []map[string]any
	for _, item := range l {
		if m, ok := item.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// labels returns a map of strings at path (labels, selectors).
func labels(m map[string]any, path ...string) map[string]string {
	raw, _ := lookup(m, path...).(map[string]any)
	out := map[string]string{}
	for k, v := range raw {
		out[k] = fmt.Sprint(v)
	}
	return out
}

// subset reports whether every pair of sel is in lbls; an empty selector selects nothing here.
func subset(sel, lbls map[string]string) bool {
	if len(sel) == 0 {
		return false
	}
	for k, v := range sel {
		if lbls[k] != v {
			return false
		}
	}
	return true
}

// byKind indexes objects of one kind by namespace/name.
func byKind(objs []Object, kind string) map[string]Object {
	out := map[string]Object{}
	for _, o := range objs {
		if o.Kind() == kind {
			out[o.Namespace()+"/"+o.Name()] = o
		}
	}
	return out
}

// selectedPods returns the pod templates (with their workload) a selector matches in a namespace.
func selectedPods(objs []Object, ns string, sel map[string]string) []Object {
	var out []Object
	for _, o := range objs {
		if t := podTemplate(o); t != nil && o.Namespace() == ns && subset(sel, labels(t, "metadata", "labels")) {
			out = append(out, o)
		}
	}
	return out
}
