package conformance

import (
	"encoding/json"
	"testing"
)

func TestSchemaValidate(t *testing.T) {
	const schema = `{"type":"object","required":["name"],"properties":{
		"name":{"type":"string","enum":["a","b"]},
		"port":{"x-kubernetes-int-or-string":true},
		"count":{"type":"integer"},
		"labels":{"type":"object","additionalProperties":{"type":"string"}},
		"free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
		"items":{"type":"array","items":{"type":"object","properties":{"x":{"type":"boolean"}}}}}}`
	tests := []struct {
		name, doc string
		wantErrs  int
	}{
		{"valid", `{"name":"a","port":"http","count":2,"labels":{"k":"v"},"free":{"any":1},"items":[{"x":true}]}`, 0},
		{"unknown field", `{"name":"a","nmae":"b"}`, 1},
		{"missing required", `{"port":8080}`, 1},
		{"not in enum", `{"name":"c"}`, 1},
		{"fraction for integer", `{"name":"a","count":1.5}`, 1},
		{"int-or-string given a bool", `{"name":"a","port":true}`, 1},
		{"wrong map value type", `{"name":"a","labels":{"k":1}}`, 1},
		{"unknown field in list item", `{"name":"a","items":[{"y":1}]}`, 1},
	}
	var s Schema
	if err := json.Unmarshal([]byte(schema), &s); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatal(err)
			}
			if errs := s.Validate("x", doc); len(errs) != tt.wantErrs {
				t.Errorf("Validate = %v, want %d errors", errs, tt.wantErrs)
			}
		})
	}
}
