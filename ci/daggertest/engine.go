// Package daggertest is an in-process fake Dagger engine for offline tests.
//
// It speaks the wire protocol of the Go SDK (one GraphQL POST per call, object
// arguments passed by ID), records every call the module makes, and answers
// leaves from canned answers, from the host filesystem for host directories, or
// with zero values. Tests then ask the recorded plan questions (which image,
// which exec args, which services bound, which secrets by name) through the
// plan API in plan.go. It cannot test what a real engine does with the plan.
package daggertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Engine records calls and answers them. It is safe for concurrent use: the
// SDK resolves object arguments in parallel and modules fan out with errgroup.
type Engine struct {
	mu       sync.Mutex
	byID     map[string]*Node
	byKey    map[string]*Node
	calls    []*Call
	queries  []string
	answers  []answer
	execs    []execRule
	hostName map[string]string // host path → stable placeholder for renderings
}

// Call is one leaf the module asked for: a field on Target, evaluated by the engine.
type Call struct {
	Seq    int
	Target *Node
	Field  string
	Args   Args
}

// New returns an empty engine.
func New() *Engine {
	return &Engine{byID: map[string]*Node{}, byKey: map[string]*Node{}, hostName: map[string]string{}}
}

// Host implements the SDK's engine connection.
func (e *Engine) Host() string { return "daggertest.invalid" }

// Close implements the SDK's engine connection.
func (e *Engine) Close() error { return nil }

// Do answers one GraphQL request.
func (e *Engine) Do(req *http.Request) (*http.Response, error) {
	var body struct {
		Query string `json:"query"`
	}
	if err := json.NewDecoder(req.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("daggertest: decode request: %w", err)
	}
	e.mu.Lock()
	e.queries = append(e.queries, body.Query)
	e.mu.Unlock()
	data, gerr := e.run(body.Query)
	resp := map[string]any{"data": data}
	if gerr != nil {
		resp["errors"] = []any{gerr}
		resp["data"] = nil
	}
	raw, err := json.Marshal(resp)
	if err != nil {
		return nil, err
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": []string{"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(raw)),
		Request:    req,
	}, nil
}

// gqlError is a GraphQL error as the engine sends it.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func (e *Engine) run(query string) (any, *gqlError) {
	doc, perr := parser.ParseQuery(&ast.Source{Input: query})
	if perr != nil {
		return nil, &gqlError{Message: "daggertest: parse query: " + perr.Error()}
	}
	if len(doc.Operations) != 1 {
		return nil, &gqlError{Message: fmt.Sprintf("daggertest: want 1 operation, got %d", len(doc.Operations))}
	}
	out, err := e.evalSet(nil, doc.Operations[0].SelectionSet)
	if err != nil {
		var ge *gqlError
		if errors.As(err, &ge) {
			return nil, ge
		}
		return nil, &gqlError{Message: err.Error()}
	}
	return out, nil
}

func (ge *gqlError) Error() string { return ge.Message }

func (e *Engine) evalSet(parent *Node, set ast.SelectionSet) (map[string]any, error) {
	out := map[string]any{}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			v, err := e.evalField(parent, s)
			if err != nil {
				return nil, err
			}
			out[s.Alias] = v
		case *ast.InlineFragment:
			m, err := e.evalSet(parent, s.SelectionSet)
			if err != nil {
				return nil, err
			}
			for k, v := range m {
				out[k] = v
			}
		default:
			return nil, fmt.Errorf("daggertest: unsupported selection %T", sel)
		}
	}
	return out, nil
}

func (e *Engine) evalField(parent *Node, f *ast.Field) (any, error) {
	args, err := e.convertArgs(f.Arguments)
	if err != nil {
		return nil, fmt.Errorf("daggertest: %s: %w", f.Name, err)
	}
	switch {
	case f.Name == "node":
		target := args.Node("id")
		if target == nil {
			return nil, fmt.Errorf("daggertest: node(id:) names no object this engine issued")
		}
		return e.evalSet(target, f.SelectionSet)
	case f.Name == "id" && len(f.SelectionSet) == 0:
		if parent == nil {
			return nil, fmt.Errorf("daggertest: id selected on the root query")
		}
		return parent.ID, nil
	case f.Name == "__typename":
		return typeName(parent), nil
	}
	child := e.intern(parent, f.Name, args)
	if len(f.SelectionSet) > 0 {
		return e.evalSet(child, f.SelectionSet)
	}
	return e.leaf(parent, f.Name, args)
}

// intern returns the one Node for this chain, creating it with a fresh ID.
func (e *Engine) intern(parent *Node, field string, args Args) *Node {
	key := makeKey(parent, field, args)
	e.mu.Lock()
	defer e.mu.Unlock()
	if n, ok := e.byKey[key]; ok {
		return n
	}
	n := &Node{ID: "daggertest-id-" + strconv.Itoa(len(e.byKey)+1), Parent: parent, Field: field, Args: args, key: key}
	e.byKey[key] = n
	e.byID[n.ID] = n
	return n
}

func (e *Engine) convertArgs(list ast.ArgumentList) (Args, error) {
	args := make(Args, 0, len(list))
	for _, a := range list {
		v, err := e.convertValue(a.Value)
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", a.Name, err)
		}
		args = append(args, Arg{Name: a.Name, Value: v})
	}
	sort.Slice(args, func(i, j int) bool { return args[i].Name < args[j].Name })
	return args, nil
}

func (e *Engine) convertValue(v *ast.Value) (any, error) {
	switch v.Kind {
	case ast.StringValue, ast.BlockValue:
		return e.maybeNode(v.Raw), nil
	case ast.IntValue:
		return strconv.ParseInt(v.Raw, 10, 64)
	case ast.FloatValue:
		return strconv.ParseFloat(v.Raw, 64)
	case ast.BooleanValue:
		return v.Raw == "true", nil
	case ast.NullValue:
		return nil, nil
	case ast.EnumValue:
		return Enum(v.Raw), nil
	case ast.ListValue:
		out := make([]any, 0, len(v.Children))
		for _, c := range v.Children {
			cv, err := e.convertValue(c.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, cv)
		}
		return out, nil
	case ast.ObjectValue:
		out := map[string]any{}
		for _, c := range v.Children {
			cv, err := e.convertValue(c.Value)
			if err != nil {
				return nil, err
			}
			out[c.Name] = cv
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported value kind %d", v.Kind)
}

// maybeNode resolves a string that is an ID this engine issued to its Node.
func (e *Engine) maybeNode(s string) any {
	if !strings.HasPrefix(s, "daggertest-id-") {
		return s
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if n, ok := e.byID[s]; ok {
		return n
	}
	return s
}

// typeName guesses an object's GraphQL type from the field that made it.
func typeName(n *Node) string {
	if n == nil {
		return "Query"
	}
	for c := n; c != nil; c = c.Parent {
		switch c.Field {
		case "container", "from":
			return "Container"
		case "directory", "host":
			return "Directory"
		case "file":
			return "File"
		case "asService":
			return "Service"
		case "secret", "setSecret":
			return "Secret"
		}
	}
	return "Object"
}

func (e *Engine) record(target *Node, field string, args Args) *Call {
	e.mu.Lock()
	defer e.mu.Unlock()
	c := &Call{Seq: len(e.calls) + 1, Target: target, Field: field, Args: args}
	e.calls = append(e.calls, c)
	return c
}

// Calls returns every leaf call recorded so far, in arrival order.
func (e *Engine) Calls() []*Call {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]*Call(nil), e.calls...)
}

// Queries returns every raw query received, in arrival order.
func (e *Engine) Queries() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.queries...)
}

// RoundTrips is the number of requests the module made: each is one engine round trip.
func (e *Engine) RoundTrips() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.queries)
}

// Lookup returns the node an ID names, for objects a function returns
// without evaluating (a Service, a Container): test code asks for its ID, then
// reads the chain.
func (e *Engine) Lookup(id string) *Node {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.byID[id]
}
