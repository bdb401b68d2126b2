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

func TestParseManifest(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		wantOK bool
		want   string // error substring, "" for none
	}{
		{name: "service", in: audit, wantOK: true},
		{name: "shared package", in: shared},
		{name: "not json", in: `{`, want: "not valid JSON"},
		{name: "unknown field", in: `{"extra":{"platform":{"service":"a","port":1,"databse":true}}}`, wantOK: true, want: `unknown field "databse"`},
		{name: "bad name", in: `{"extra":{"platform":{"service":"Bad_Name","port":8080}}}`, wantOK: true, want: "lowercase name"},
		{name: "bad port", in: `{"extra":{"platform":{"service":"a","port":0}}}`, wantOK: true, want: "want a TCP port"},
		{name: "postgres without migrate", in: `{"extra":{"platform":{"service":"a","port":8080,"postgres":true}}}`, wantOK: true, want: "migrate is missing"},
		{name: "migrate without postgres", in: `{"extra":{"platform":{"service":"a","port":8080,"migrate":["x"]}}}`, wantOK: true, want: "postgres is false"},
		{name: "wrong type", in: `{"extra":{"platform":{"service":"a","port":"8080"}}}`, wantOK: true, want: "extra.platform"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok, err := ParseManifest([]byte(tt.in))
			if ok != tt.wantOK {
				t.Errorf("ok = %v, want %v", ok, tt.wantOK)
			}
			if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

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

func FuzzParseManifest(f *testing.F) {
	for _, s := range []string{audit, bff, shared, `{"extra":{"platform":null}}`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, ok, err := ParseManifest(data)
		if err == nil && ok && m.validate() != nil {
			t.Fatalf("accepted an invalid manifest %+v", m)
		}
	})
}
