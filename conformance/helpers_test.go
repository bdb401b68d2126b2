package conformance

import (
	"encoding/json"
	"sync"
	"testing"
)

var (
	renderMu    sync.Mutex
	renderCache = map[string][]Object{}
)

// root returns the repository root or stops the test.
func root(t *testing.T) string {
	t.Helper()
	r, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rendered renders a target once per test binary and returns a private copy,
// so tests may break it without affecting others.
func rendered(t *testing.T, tg Target) []Object {
	t.Helper()
	renderMu.Lock()
	defer renderMu.Unlock()
	objs, ok := renderCache[tg.Name()]
	if !ok {
		var err error
		if objs, err = RenderTarget(root(t), tg); err != nil {
			t.Fatal(err)
		}
		renderCache[tg.Name()] = objs
	}
	return deepCopy(t, objs)
}

func deepCopy(t *testing.T, objs []Object) []Object {
	t.Helper()
	out := make([]Object, len(objs))
	for i, o := range objs {
		b, err := json.Marshal(o.Doc)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = Object{Source: o.Source}
		if err := json.Unmarshal(b, &out[i].Doc); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func contract(t *testing.T) Contract {
	t.Helper()
	c, err := LoadContract(root(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func crdSchemas(t *testing.T) map[string]*Schema {
	t.Helper()
	s, err := CRDSchemas()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateAll returns the strict-validation messages of every object.
func validateAll(objs []Object, crds map[string]*Schema) []string {
	var errs []string
	for _, o := range objs {
		for _, e := range Validate(o, crds) {
			errs = append(errs, o.ID()+": "+e)
		}
	}
	return errs
}

// runChecks returns the messages of every check that applies to the target.
func runChecks(tg Target, objs []Object, c Contract) []string {
	var errs []string
	for _, ch := range Checks {
		if ch.PlatformOnly && !tg.Platform {
			continue
		}
		for _, e := range ch.Run(objs, c) {
			errs = append(errs, ch.Name+": "+e)
		}
	}
	return errs
}
