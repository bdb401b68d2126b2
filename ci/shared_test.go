package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// sharedConstructors are the PHP commands the stages run in containers and
// the host runner (phpcmd/host_test.go) runs on this machine against real
// PostgreSQL and Redis. Both must build them with the same functions.
var sharedConstructors = []string{"ComposerInstall", "UnitTests", "IntegrationTests", "Migrate"}

func TestHostRunnerAndStagesShareCommandConstructors(t *testing.T) {
	host := calledNames(t, filepath.Join("phpcmd", "host_test.go"))
	stages := map[string]bool{}
	for _, f := range []string{"php.go", "test.go"} {
		for name := range calledNames(t, f) {
			stages[name] = true
		}
	}
	for _, name := range sharedConstructors {
		if !host[name] {
			t.Errorf("the host runner does not build its command with phpcmd.%s", name)
		}
		if !stages["phpcmd."+name] {
			t.Errorf("the stages do not build their command with phpcmd.%s", name)
		}
	}
}

// calledNames lists the functions a file calls: "F" and "pkg.F".
func calledNames(t *testing.T, file string) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch fn := call.Fun.(type) {
		case *ast.Ident:
			out[fn.Name] = true
		case *ast.SelectorExpr:
			if pkg, ok := fn.X.(*ast.Ident); ok {
				out[pkg.Name+"."+fn.Sel.Name] = true
			}
		}
		return true
	})
	return out
}
