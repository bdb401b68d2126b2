package catalog

import (
	"strings"
	"testing"
)

const (
	audit  = `{"name":"platform/audit","extra":{"platform":{"service":"audit","port":8080,"postgres":true,"redis":false,"migrate":["php","bin/migrate.php"]}}}`
	bff    = `{"name":"platform/bff","extra":{"platform":{"service":"bff","port":8080,"postgres":false,"redis":true}}}`
	shared = `{"name":"platform/shared"}`
)

func TestDiscover(t *testing.T) {
	c, err := Discover(map[string][]byte{"audit": []byte(audit), "bff": []byte(bff), "shared": []byte(shared)})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Names(), ","); got != "audit,bff" {
		t.Fatalf("names = %s", got)
	}
	errs := []struct {
		name string
		in   map[string][]byte
		want string
	}{
		{name: "no services dir", in: nil, want: "services/ is missing"},
		{name: "only shared", in: map[string][]byte{"shared": []byte(shared)}, want: "no composer.json under services/ has an extra.platform"},
		{name: "name differs from dir", in: map[string][]byte{"bff2": []byte(bff)}, want: `directory is "bff2"`},
		{name: "bad manifest names its file", in: map[string][]byte{"x": []byte(`{`)}, want: "services/x/composer.json"},
		{name: "invalid manifest", in: map[string][]byte{"bff": []byte(`{"name":"platform/bff","extra":{"platform":{"service":"bff","port":0,"postgres":false,"redis":false}}}`)}, want: "extra.platform.port 0"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Discover(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLookupAndSelect(t *testing.T) {
	c, _ := Discover(map[string][]byte{"audit": []byte(audit), "bff": []byte(bff)})
	if _, err := c.Lookup("bf"); err == nil || err.Error() != `unknown service "bf": known services are audit, bff` {
		t.Fatalf("Lookup error = %v", err)
	}
	sel, err := c.Select([]string{"bff", "audit", "bff"})
	if err != nil || strings.Join(sel.Names(), ",") != "audit,bff" {
		t.Fatalf("Select = %v, %v", sel.Names(), err)
	}
	if all, _ := c.Select(nil); len(all) != 2 {
		t.Fatalf("Select(nil) = %v, want all", all.Names())
	}
	if _, err := c.Select([]string{"nope"}); err == nil || !strings.Contains(err.Error(), "known services are audit, bff") {
		t.Fatalf("Select unknown: %v", err)
	}
}
