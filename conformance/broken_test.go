package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// find returns the document of the first object of a kind and name.
func find(t *testing.T, objs []Object, kind, name string) map[string]any {
	t.Helper()
	for _, o := range objs {
		if o.Kind() == kind && o.Name() == name {
			return o.Doc
		}
	}
	t.Fatalf("no %s/%s", kind, name)
	return nil
}

// at returns the map at a path of keys (strings) and list indexes (ints).
func at(t *testing.T, doc map[string]any, path ...any) map[string]any {
	t.Helper()
	var cur any = doc
	for _, p := range path {
		switch k := p.(type) {
		case string:
			cur = cur.(map[string]any)[k]
		case int:
			cur = cur.([]any)[k]
		}
	}
	m, ok := cur.(map[string]any)
	if !ok {
		t.Fatalf("%v is not a map", path)
	}
	return m
}

// rename moves a field to a misspelled name.
func rename(m map[string]any, from, to string) {
	m[to] = m[from]
	delete(m, from)
}

// TestBrokenManifestsFail feeds deliberately broken copies of the production
// render through the same validation and checks as the real manifests.
func TestBrokenManifestsFail(t *testing.T) {
	prod := Targets[2]
	tests := []struct {
		name   string
		mutate func(t *testing.T, objs []Object) []Object
		want   string
	}{
		{"misspelled field in a Rollout (CRD schema)", func(t *testing.T, objs []Object) []Object {
			rename(at(t, find(t, objs, "Rollout", "bff"), "spec", "template", "spec", "containers", 0), "readinessProbe", "readinesProbe")
			return objs
		}, `readinesProbe: unknown field (did you mean "readinessProbe"?)`},
		{"misspelled field in a Service (k8s.io/api)", func(t *testing.T, objs []Object) []Object {
			rename(at(t, find(t, objs, "Service", "bff"), "spec", "ports", 0), "targetPort", "targetport")
			return objs
		}, `unknown field "spec.ports[0].targetport"`},
		{"misspelled field in a ServiceMonitor", func(t *testing.T, objs []Object) []Object {
			rename(at(t, find(t, objs, "ServiceMonitor", "bff"), "spec", "endpoints", 0), "interval", "intervall")
			return objs
		}, "intervall: unknown field"},
		{"misspelled field in a VirtualService", func(t *testing.T, objs []Object) []Object {
			rename(at(t, find(t, objs, "VirtualService", "bff"), "spec"), "hosts", "host")
			return objs
		}, "spec.host: unknown field"},
		{"wrong type in a HorizontalPodAutoscaler", func(t *testing.T, objs []Object) []Object {
			at(t, find(t, objs, "HorizontalPodAutoscaler", "bff"), "spec")["minReplicas"] = "three"
			return objs
		}, "cannot unmarshal string into Go struct field"},
		{"unknown kind", func(t *testing.T, objs []Object) []Object {
			find(t, objs, "Rollout", "bff")["apiVersion"] = "argoproj.io/v1beta9"
			return objs
		}, "no definition to validate against"},
	}
	crds := crdSchemas(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertReports(t, validateAll(tt.mutate(t, rendered(t, prod)), crds), tt.want)
		})
	}
}

// TestBrokenContractsFail breaks the cross-object rules one at a time.
func TestBrokenContractsFail(t *testing.T) {
	prod := Targets[2]
	tests := []struct {
		name   string
		mutate func(t *testing.T, objs []Object) []Object
		want   string
	}{
		{"missing analysis template", func(t *testing.T, objs []Object) []Object {
			return without(objs, "AnalysisTemplate", "latency-p95")
		}, `analysis template "latency-p95" does not exist`},
		{"analysis argument not passed", func(t *testing.T, objs []Object) []Object {
			delete(at(t, find(t, objs, "Rollout", "bff"), "spec", "strategy", "canary", "analysis"), "args")
			return objs
		}, `needs argument "service"`},
		{"metric the services do not emit", func(t *testing.T, objs []Object) []Object {
			editQuery(t, objs, "success-rate", "http_requests_total", "http_requests_served_total")
			return objs
		}, "http_requests_served_total is not a metric the services emit"},
		{"label the services do not emit", func(t *testing.T, objs []Object) []Object {
			editQuery(t, objs, "error-rate", "status=~", "code=~")
			return objs
		}, "label code is neither emitted"},
		{"secret with data", func(t *testing.T, objs []Object) []Object {
			return append(objs, Object{Source: "test", Doc: map[string]any{
				"apiVersion": "v1", "kind": "Secret", "metadata": map[string]any{"name": "leak"},
				"data": map[string]any{"DATABASE_URL": "cG9zdGdyZXM6Ly8="}}})
		}, "Secret with data in git"},
		{"image the pipeline does not update", func(t *testing.T, objs []Object) []Object {
			at(t, find(t, objs, "Rollout", "bff"), "spec", "template", "spec", "containers", 0)["image"] = "docker.io/library/nginx:1.27"
			return objs
		}, `image "docker.io/library/nginx:1.27" is not`},
		{"service selector matching no pod", func(t *testing.T, objs []Object) []Object {
			at(t, find(t, objs, "Service", "audit"), "spec", "selector")["app.kubernetes.io/name"] = "audti"
			return objs
		}, "Service/audit: selector matches no pod template"},
		{"service targeting a missing port", func(t *testing.T, objs []Object) []Object {
			at(t, find(t, objs, "Service", "bff-canary"), "spec", "ports", 0)["targetPort"] = "web"
			return objs
		}, "targetPort web is not a container port of bff"},
		{"virtual service routing to no Service", func(t *testing.T, objs []Object) []Object {
			return without(objs, "Service", "notification")
		}, `host "notification" is not a Service`},
		{"container writing its root filesystem", func(t *testing.T, objs []Object) []Object {
			at(t, find(t, objs, "Rollout", "audit"), "spec", "template", "spec", "containers", 0, "securityContext")["readOnlyRootFilesystem"] = false
			return objs
		}, "want read-only root filesystem"},
		{"migrating service without its Job", func(t *testing.T, objs []Object) []Object {
			return without(objs, "Job", "audit-migrate")
		}, "no Job audit-migrate runs [php bin/migrate.php]"},
		{"credential a service does not use", func(t *testing.T, objs []Object) []Object {
			return append(objs, externalSecret("validation", "DATABASE_URL"))
		}, "validation-secrets carries DATABASE_URL"},
	}
	c := contract(t)
	c.Services = append(c.Services,
		Service{Name: "validation", Declared: true},
		Service{Name: "audit", Postgres: true, Migrate: []string{"php", "bin/migrate.php"}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertReports(t, runChecks(prod, tt.mutate(t, rendered(t, prod)), c), tt.want)
		})
	}
}

func TestCommittedSecretsFound(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                bool
	}{
		{"secret with data", "s.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\ndata: {A: Yg==}\n", true},
		{"secret with stringData", "s.yaml", "kind: Secret\nstringData: {A: b}\n", true},
		{"secretGenerator", "kustomization.yaml", "secretGenerator:\n- name: app\n  envs: [.env.production]\n", true},
		{"external secret", "e.yaml", "kind: ExternalSecret\nspec: {data: []}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			found, err := CommittedSecrets(dir)
			if err != nil || (len(found) > 0) != tt.want {
				t.Errorf("CommittedSecrets = %v, %v; want found=%v", found, err, tt.want)
			}
		})
	}
}

func TestNoSecretCommitted(t *testing.T) {
	found, err := CommittedSecrets(filepath.Join(root(t), "infrastructure"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("%s: a Secret with data or a secretGenerator is committed; use an ExternalSecret", f)
	}
}

func without(objs []Object, kind, name string) []Object {
	var out []Object
	for _, o := range objs {
		if o.Kind() != kind || o.Name() != name {
			out = append(out, o)
		}
	}
	return out
}

func editQuery(t *testing.T, objs []Object, template, old, new string) {
	t.Helper()
	p := at(t, find(t, objs, "AnalysisTemplate", template), "spec", "metrics", 0, "provider", "prometheus")
	p["query"] = strings.ReplaceAll(p["query"].(string), old, new)
}

func externalSecret(service, key string) Object {
	return Object{Source: "test", Doc: map[string]any{
		"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret",
		"metadata": map[string]any{"name": service + "-secrets", "namespace": "platform-production"},
		"spec":     map[string]any{"data": []any{map[string]any{"secretKey": key}}},
	}}
}

// assertReports fails unless some message contains want.
func assertReports(t *testing.T, msgs []string, want string) {
	t.Helper()
	for _, m := range msgs {
		if strings.Contains(m, want) {
			return
		}
	}
	t.Errorf("no message contains %q; got %d messages:\n%s", want, len(msgs), strings.Join(msgs, "\n"))
}
