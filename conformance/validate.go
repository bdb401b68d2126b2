package conformance

import (
	"encoding/json"
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kjson "sigs.k8s.io/json"
)

// builtins maps each Kubernetes kind the manifests may use to its Go type.
// A kind in neither this table nor the CRD schemas is an error, not a pass.
var builtins = map[string]func() any{
	"v1/Namespace":                           func() any { return &corev1.Namespace{} },
	"v1/ServiceAccount":                      func() any { return &corev1.ServiceAccount{} },
	"v1/Service":                             func() any { return &corev1.Service{} },
	"v1/ConfigMap":                           func() any { return &corev1.ConfigMap{} },
	"v1/Secret":                              func() any { return &corev1.Secret{} },
	"apps/v1/Deployment":                     func() any { return &appsv1.Deployment{} },
	"apps/v1/DaemonSet":                      func() any { return &appsv1.DaemonSet{} },
	"batch/v1/Job":                           func() any { return &batchv1.Job{} },
	"policy/v1/PodDisruptionBudget":          func() any { return &policyv1.PodDisruptionBudget{} },
	"autoscaling/v2/HorizontalPodAutoscaler": func() any { return &autoscalingv2.HorizontalPodAutoscaler{} },
	"networking.k8s.io/v1/NetworkPolicy":     func() any { return &networkingv1.NetworkPolicy{} },
}

// Validate checks one object against its official definition: built-ins by
// strict, case-sensitive decoding into k8s.io/api types (as the API server
// decodes them), custom kinds against their project's CRD schema.
func Validate(o Object, crds map[string]*Schema) []string {
	key := o.APIVersion() + "/" + o.Kind()
	if newT, ok := builtins[key]; ok {
		return strictDecode(o.Doc, newT())
	}
	s, ok := crds[key]
	if !ok {
		return []string{fmt.Sprintf("%s: no definition to validate against (add it to builtins or crdSources)", key)}
	}
	return append(strictDecode(o.Doc["metadata"], &metav1.ObjectMeta{}), withEnvelope(s).Validate(o.Kind(), o.Doc)...)
}

// withEnvelope lets the fields every object has through the CRD schema (some
// projects omit them): metadata is decoded strictly on its own, as the API
// server does, because CRD schemas leave it open.
func withEnvelope(s *Schema) *Schema {
	root := *s
	root.Properties = map[string]*Schema{
		"apiVersion": {Type: "string"},
		"kind":       {Type: "string"},
		"metadata":   {Type: "object", PreserveUnknown: true},
	}
	for k, v := range s.Properties {
		if k != "metadata" {
			root.Properties[k] = v
		}
	}
	return &root
}

// strictDecode reports unknown, duplicate or wrongly-cased fields and type errors.
func strictDecode(doc any, into any) []string {
	b, err := json.Marshal(doc)
	if err != nil {
		return []string{err.Error()}
	}
	strictErrs, err := kjson.UnmarshalStrict(b, into)
	var out []string
	if err != nil {
		out = append(out, err.Error())
	}
	for _, e := range strictErrs {
		out = append(out, e.Error())
	}
	return out
}
