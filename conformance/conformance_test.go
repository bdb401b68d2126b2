package conformance

import (
	"strings"
	"testing"
)

func TestTargetsRender(t *testing.T) {
	for _, tg := range Targets {
		t.Run(tg.Name(), func(t *testing.T) {
			if objs := rendered(t, tg); len(objs) == 0 {
				t.Fatal("rendered no object")
			}
		})
	}
}

func TestStrictValidation(t *testing.T) {
	crds := crdSchemas(t)
	for _, tg := range Targets {
		t.Run(tg.Name(), func(t *testing.T) {
			for _, e := range validateAll(rendered(t, tg), crds) {
				t.Error(e)
			}
		})
	}
}

func TestCrossChecks(t *testing.T) {
	c := contract(t)
	for _, tg := range Targets {
		t.Run(tg.Name(), func(t *testing.T) {
			for _, e := range runChecks(tg, rendered(t, tg), c) {
				t.Error(e)
			}
		})
	}
}

func TestProductionReplicaFloors(t *testing.T) {
	hpas := byKind(rendered(t, Targets[2]), "HorizontalPodAutoscaler")
	for name, want := range map[string]float64{"bff": 3, "llm-agent": 5, "workflow-orchestrator": 3} {
		t.Run(name, func(t *testing.T) {
			if got := lookup(hpas["platform-production/"+name].Doc, "spec", "minReplicas"); got != want {
				t.Errorf("minReplicas = %v, want %v", got, want)
			}
		})
	}
}

func TestEveryServiceRollsOut(t *testing.T) {
	c := contract(t)
	for _, tg := range Targets[:3] {
		rollouts := byKind(rendered(t, tg), "Rollout")
		for _, s := range c.Services {
			if _, ok := rollouts["platform-"+envOf(tg)+"/"+s.Name]; !ok {
				t.Errorf("%s: no Rollout for service %s", tg.Name(), s.Name)
			}
		}
	}
}

func envOf(tg Target) string { return tg.Dir[strings.LastIndex(tg.Dir, "/")+1:] }
