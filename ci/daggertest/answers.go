package daggertest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// ExecResult is the canned outcome of an exec.
type ExecResult struct {
	ExitCode int
	Stdout   string
	Stderr   string
}

type execRule struct {
	match func(args []string) bool
	where func(Exec) bool // matches on the exec's whole state when set
	res   ExecResult
}

type answer struct {
	match func(*Call) bool
	value any
	err   string
}

// OnExec gives every exec whose argv matches the result res. A non-zero exit
// fails every evaluation downstream of that exec with an EXEC_ERROR, as the
// engine does, unless the exec was made with expect ANY or FAILURE.
func (e *Engine) OnExec(match func(args []string) bool, res ExecResult) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.execs = append(e.execs, execRule{match: match, res: res})
}

// OnExecWhere is OnExec matching on the exec's state too (workdir, env,
// mounts), e.g. to fail PHPStan in one service's workspace only.
func (e *Engine) OnExecWhere(match func(Exec) bool, res ExecResult) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.execs = append(e.execs, execRule{where: match, res: res})
}

// Answer returns value for every leaf call that match accepts. Of several
// matching answers the one registered last wins, so a test can override a
// default its fixture set up.
func (e *Engine) Answer(match func(*Call) bool, value any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.answers = append(e.answers, answer{match: match, value: value})
}

// Fail makes every leaf call that match accepts fail with msg.
func (e *Engine) Fail(match func(*Call) bool, msg string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.answers = append(e.answers, answer{match: match, err: msg})
}

// FileContents answers `contents` of any file selected at path (a suffix
// match, so "clover.xml" matches "/reports/clover.xml").
func (e *Engine) FileContents(path, contents string) {
	e.Answer(func(c *Call) bool {
		return c.Field == "contents" && c.Target.Field == "file" && strings.HasSuffix(c.Target.Args.String("path"), path)
	}, contents)
}

// ArgvContains matches an exec whose space-joined argv contains every part.
func ArgvContains(parts ...string) func([]string) bool {
	return func(args []string) bool {
		joined := strings.Join(args, " ")
		for _, p := range parts {
			if !strings.Contains(joined, p) {
				return false
			}
		}
		return true
	}
}

func (e *Engine) leaf(target *Node, field string, args Args) (any, error) {
	call := e.record(target, field, args)
	if err := e.execFailure(target); err != nil {
		return nil, err
	}
	if a, ok := e.canned(call); ok {
		if a.err != "" {
			return nil, &gqlError{Message: a.err}
		}
		return a.value, nil
	}
	return e.builtin(call)
}

func (e *Engine) canned(c *Call) (answer, bool) {
	e.mu.Lock()
	answers := append([]answer(nil), e.answers...)
	e.mu.Unlock()
	for i := len(answers) - 1; i >= 0; i-- { // the latest registration wins
		if answers[i].match(c) {
			return answers[i], true
		}
	}
	return answer{}, false
}

func (e *Engine) execResult(exec *Node) (ExecResult, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	argv := exec.Args.Strings("args")
	var state *Exec
	for i := len(e.execs) - 1; i >= 0; i-- { // the latest registration wins
		r := e.execs[i]
		if r.where != nil && state == nil {
			execs := ContainerOf(exec).Execs
			state = &execs[len(execs)-1]
		}
		if r.where != nil && r.where(*state) || r.match != nil && r.match(argv) {
			return r.res, true
		}
	}
	return ExecResult{}, false
}

// execFailure finds the first failing exec the target depends on, through its
// own chain and through every object argument along it.
func (e *Engine) execFailure(target *Node) error {
	seen := map[*Node]bool{}
	var walk func(n *Node) error
	walk = func(n *Node) error {
		for _, c := range n.Chain() {
			if seen[c] {
				continue
			}
			seen[c] = true
			for _, a := range c.Args {
				if sub, ok := a.Value.(*Node); ok {
					if err := walk(sub); err != nil {
						return err
					}
				}
			}
			if err := e.failedExec(c); err != nil {
				return err
			}
		}
		return nil
	}
	if target == nil {
		return nil
	}
	return walk(target)
}

func (e *Engine) failedExec(n *Node) error {
	if n.Field != "withExec" {
		return nil
	}
	res, ok := e.execResult(n)
	expect := n.Args.String("expect")
	if !ok || res.ExitCode == 0 || expect == "ANY" || expect == "FAILURE" {
		return nil
	}
	argv := n.Args.Strings("args")
	cmd := make([]any, len(argv))
	for i, a := range argv {
		cmd[i] = a
	}
	return &gqlError{
		Message: fmt.Sprintf("process %q did not complete successfully: exit code: %d", strings.Join(argv, " "), res.ExitCode),
		Extensions: map[string]any{
			"_type": "EXEC_ERROR", "exitCode": res.ExitCode, "cmd": cmd,
			"stdout": res.Stdout, "stderr": res.Stderr,
		},
	}
}

func (e *Engine) builtin(c *Call) (any, error) {
	switch c.Field {
	case "sync":
		return c.Target.ID, nil
	case "stdout", "stderr", "exitCode", "combinedOutput":
		return e.execOutput(c), nil
	case "publish":
		return c.Args.String("address") + "@" + fakeDigest(c.Target), nil
	case "digest":
		return fakeDigest(c.Target), nil
	case "export":
		return c.Args.String("path"), nil
	}
	if v, ok, err := e.hostLeaf(c); ok {
		return v, err
	}
	return nil, nil
}

func (e *Engine) execOutput(c *Call) any {
	exec := c.Target.Find("withExec")
	var res ExecResult
	if exec != nil {
		res, _ = e.execResult(exec)
	}
	switch c.Field {
	case "stdout":
		return res.Stdout
	case "stderr":
		return res.Stderr
	case "combinedOutput":
		return res.Stdout + res.Stderr
	}
	return res.ExitCode
}

func fakeDigest(n *Node) string {
	sum := sha256.Sum256([]byte(n.key))
	return "sha256:" + hex.EncodeToString(sum[:])
}
