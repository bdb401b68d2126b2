package license

import (
	"fmt"
	"strings"
)

// Violations lists the packages of the lock that the policy does not allow.
// Composer's license array means any of them (OR); within an expression, OR
// needs one allowed side and AND needs both.
func (p *Policy) Violations(lock *Lock) []Violation {
	var out []Violation
	for _, pkg := range lock.Packages {
		if p.excepted[pkg.Name] {
			continue
		}
		if v, ok := p.judge(pkg); !ok {
			out = append(out, v)
		}
	}
	return out
}

func (p *Policy) judge(pkg Package) (Violation, bool) {
	v := Violation{Package: pkg}
	if len(pkg.Licenses) == 0 {
		v.Unknown = []string{""}
		return v, false
	}
	for _, declared := range pkg.Licenses {
		e, err := parseExpression(declared)
		if err != nil {
			v.Unknown = append(v.Unknown, declared)
			continue
		}
		if e.allowed(func(id string) bool { return p.allowed[normalize(id)] }) {
			return v, true
		}
		p.classify(e, &v)
	}
	return v, false
}

// classify records why an expression failed: its denied and unknown ids.
func (p *Policy) classify(e expr, v *Violation) {
	for _, id := range e.ids() {
		switch n := normalize(id); {
		case p.denied[n]:
			v.Denied = append(v.Denied, id)
		case !p.allowed[n]:
			v.Unknown = append(v.Unknown, id)
		}
	}
}

// Check is the license gate: nil when every package is allowed, otherwise an
// error naming each offending package and its license.
func (p *Policy) Check(lock *Lock) error {
	vs := p.Violations(lock)
	if len(vs) == 0 {
		return nil
	}
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  - %s", v)
	}
	return fmt.Errorf("%d package(s) fail the license policy:%s\n"+
		"allow the license in %s, or add an exception for the package with a reason",
		len(vs), b.String(), PolicyPath)
}
