package daggertest

import (
	"fmt"
	"net/http"
	"sync"
)

// Router is the engine connection the stand-in `dag` is bound to for the whole
// process. Tests install a fresh Engine behind it with Use.
type Router struct {
	mu  sync.Mutex
	eng *Engine
}

var defaultRouter = &Router{}

// Default returns the process-wide connection the stand-in Connect uses.
func Default() *Router { return defaultRouter }

// Do forwards the request to the installed engine.
func (r *Router) Do(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	eng := r.eng
	r.mu.Unlock()
	if eng == nil {
		return nil, fmt.Errorf("daggertest: no engine installed: call daggertest.Use(t) in the test before touching dag")
	}
	return eng.Do(req)
}

// Host implements the SDK's engine connection.
func (r *Router) Host() string { return "daggertest.invalid" }

// Close implements the SDK's engine connection.
func (r *Router) Close() error { return nil }

// Cleaner is the part of testing.TB that Use needs.
type Cleaner interface {
	Cleanup(func())
	Helper()
}

// Use installs a fresh Engine behind `dag` for the duration of a test. Tests
// that use it must not run in parallel with each other: `dag` is one global.
func Use(t Cleaner) *Engine {
	t.Helper()
	eng := New()
	defaultRouter.mu.Lock()
	defaultRouter.eng = eng
	defaultRouter.mu.Unlock()
	t.Cleanup(func() {
		defaultRouter.mu.Lock()
		if defaultRouter.eng == eng {
			defaultRouter.eng = nil
		}
		defaultRouter.mu.Unlock()
	})
	return eng
}
