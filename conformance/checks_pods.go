package conformance

import (
	"fmt"
	"slices"
)

// podRule is one requirement on a service container, with a path into it.
type podRule struct {
	what string
	path []string // into the container, or into the pod spec when pod is set
	pod  bool
	want any
}

// podRules are what every service container promises (see infrastructure/README.md).
var podRules = []podRule{
	{"readiness probe on /health/ready", []string{"readinessProbe", "httpGet", "path"}, false, "/health/ready"},
	{"liveness probe on /health/live", []string{"livenessProbe", "httpGet", "path"}, false, "/health/live"},
	{"read-only root filesystem", []string{"securityContext", "readOnlyRootFilesystem"}, false, true},
	{"no privilege escalation", []string{"securityContext", "allowPrivilegeEscalation"}, false, false},
	{"non-root pod", []string{"securityContext", "runAsNonRoot"}, true, true},
	{"seccomp RuntimeDefault", []string{"securityContext", "seccompProfile", "type"}, true, "RuntimeDefault"},
}

func checkPodContract(objs []Object, _ Contract) []string {
	var errs []string
	for _, o := range objs {
		tmpl := podTemplate(o)
		for _, c := range containers(tmpl) {
			for _, r := range podRules {
				from := c
				if r.pod {
					from, _ = lookup(tmpl, "spec").(map[string]any)
				}
				if got := lookup(from, r.path...); got != r.want {
					errs = append(errs, fmt.Sprintf("%s: container %v: want %s, got %v", o.ID(), c["name"], r.what, got))
				}
			}
			errs = append(errs, containerShape(o, c)...)
		}
	}
	return errs
}

// containerShape checks the port, the dropped capabilities and the resources.
func containerShape(o Object, c map[string]any) []string {
	var errs []string
	if !slices.ContainsFunc(maps(c["ports"]), func(p map[string]any) bool {
		return p["name"] == "http" && fmt.Sprint(p["containerPort"]) == "8080"
	}) {
		errs = append(errs, fmt.Sprintf("%s: container %v: want port \"http\" 8080", o.ID(), c["name"]))
	}
	if drop, _ := lookup(c, "securityContext", "capabilities", "drop").([]any); !slices.Contains(drop, any("ALL")) {
		errs = append(errs, fmt.Sprintf("%s: container %v: want capabilities drop ALL", o.ID(), c["name"]))
	}
	for _, kind := range []string{"requests", "limits"} {
		for _, res := range []string{"cpu", "memory"} {
			if lookup(c, "resources", kind, res) == nil {
				errs = append(errs, fmt.Sprintf("%s: container %v: missing resources.%s.%s", o.ID(), c["name"], kind, res))
			}
		}
	}
	return errs
}

// checkSecretKeys: a service gets DATABASE_URL or REDIS_URL from its
// ExternalSecret "<service>-secrets" exactly when its composer.json says it uses
// PostgreSQL or Redis: no missing credential, and none it does not need.
func checkSecretKeys(objs []Object, c Contract) []string {
	secrets := byKind(objs, "ExternalSecret")
	var errs []string
	for _, s := range c.Services {
		need := map[string]bool{"DATABASE_URL": s.Postgres, "REDIS_URL": s.Redis}
		for _, ns := range namespaces(objs) {
			have := map[string]bool{}
			for _, d := range maps(lookup(secrets[ns+"/"+s.Name+"-secrets"].Doc, "spec", "data")) {
				have[fmt.Sprint(d["secretKey"])] = true
			}
			for _, key := range sortedKeys(need) {
				switch {
				case need[key] && !have[key]:
					errs = append(errs, fmt.Sprintf("%s: %s-secrets lacks %s (its composer.json uses it)", ns, s.Name, key))
				case s.Declared && !need[key] && have[key]:
					errs = append(errs, fmt.Sprintf("%s: %s-secrets carries %s its composer.json does not use", ns, s.Name, key))
				}
			}
		}
	}
	return errs
}

// namespaces lists the namespaces the Rollouts live in.
func namespaces(objs []Object) []string {
	set := map[string]bool{}
	for _, o := range objs {
		if o.Kind() == "Rollout" {
			set[o.Namespace()] = true
		}
	}
	return sortedKeys(set)
}
