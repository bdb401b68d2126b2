package trivy

import "encoding/json"

type findingKey struct {
	result int
	kind   Kind
	index  int
}

// Filtered returns this report reduced to the given findings (others, and
// findings of other reports, are ignored), as JSON for `trivy convert`.
// Converting this copy, not the raw scan, is what makes SARIF and gate agree:
// both see exactly the findings the policy let through.
func (r *Report) Filtered(keep []Finding) ([]byte, error) {
	kept := map[findingKey]bool{}
	for _, f := range keep {
		if f.report == r {
			kept[findingKey{f.result, f.Kind, f.index}] = true
		}
	}
	results := make([]map[string]json.RawMessage, 0, len(r.results))
	for i, res := range r.results {
		fields, err := res.filtered(i, kept)
		if err != nil {
			return nil, err
		}
		results = append(results, fields)
	}
	return r.withResults(results)
}

func (res result) filtered(i int, kept map[findingKey]bool) (map[string]json.RawMessage, error) {
	fields := make(map[string]json.RawMessage, len(res.fields))
	for name, raw := range res.fields {
		fields[name] = raw
	}
	for _, k := range kinds {
		delete(fields, k.field)
		var items []json.RawMessage
		for j, item := range res.items[k.kind] {
			if kept[findingKey{i, k.kind, j}] {
				items = append(items, item)
			}
		}
		if len(items) == 0 {
			continue
		}
		raw, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		fields[k.field] = raw
	}
	return fields, nil
}

func (r *Report) withResults(results []map[string]json.RawMessage) ([]byte, error) {
	top := make(map[string]json.RawMessage, len(r.top))
	for name, raw := range r.top {
		top[name] = raw
	}
	raw, err := json.Marshal(results)
	if err != nil {
		return nil, err
	}
	top["Results"] = raw
	return json.MarshalIndent(top, "", "  ")
}
