package conformance

import "testing"

// TestBlueGreenVariant checks what the variant must change in every service:
// no canary left, the main Service active, the mesh off the stale subsets.
func TestBlueGreenVariant(t *testing.T) {
	objs := rendered(t, Targets[3])
	for _, s := range contract(t).Services {
		t.Run(s.Name, func(t *testing.T) {
			ro := find(t, objs, "Rollout", s.Name)
			tests := []struct {
				what string
				got  any
				want any
			}{
				{"canary strategy", lookup(ro, "spec", "strategy", "canary"), nil},
				{"active service", lookup(ro, "spec", "strategy", "blueGreen", "activeService"), s.Name},
				{"preview service", lookup(ro, "spec", "strategy", "blueGreen", "previewService"), s.Name + "-canary"},
				{"auto promotion", lookup(ro, "spec", "strategy", "blueGreen", "autoPromotionEnabled"), false},
				{"mesh subset", lookup(at(t, find(t, objs, "VirtualService", s.Name), "spec", "http", 0, "route", 0), "destination", "subset"), nil},
			}
			for _, tt := range tests {
				if tt.got != tt.want {
					t.Errorf("%s = %v, want %v", tt.what, tt.got, tt.want)
				}
			}
		})
	}
}
