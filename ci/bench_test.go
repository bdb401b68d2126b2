package main

import (
	"context"
	"strings"
	"testing"
)

// BenchmarkPullRequestPlan reports what one `pull-request --all` asks of the
// engine: round trips (requests, each a network hop to a real engine) and,
// per service, the longest chain of dependent execs (what bounds its wall
// time however many cores the engine has).
func BenchmarkPullRequestPlan(b *testing.B) {
	benchPlan(b, true, "")
}

// BenchmarkAffectedPlan is the same for a change to one service only: the
// affected-only plan size.
func BenchmarkAffectedPlan(b *testing.B) {
	benchPlan(b, false, "services/audit/src/Kernel.php")
}

func benchPlan(b *testing.B, all bool, changed string) {
	var trips, containers int
	depth := map[string]int{}
	for b.Loop() {
		p, eng := repoPlatform(b)
		before := eng.RoundTrips() // New's discovery is not part of the plan
		if _, err := p.PullRequest(context.Background(), all, changed, nil, nil, "", false, 80, 70, nil, false); err != nil {
			b.Fatal(err)
		}
		trips = eng.RoundTrips() - before
		ctrs := eng.Containers()
		containers = len(ctrs)
		for _, c := range ctrs {
			n := len(c.Execs)
			if n == 0 {
				continue
			}
			name := workdirOf(c.Execs[n-1])
			if !strings.HasPrefix(c.Execs[n-1].Workdir, srcRoot+"/services/") {
				name = repoService // the repository-wide scan steps
			}
			depth[name] = max(depth[name], n)
		}
	}
	b.ReportMetric(float64(trips), "roundtrips/plan")
	b.ReportMetric(float64(containers), "containers/plan")
	for svc, d := range depth {
		b.ReportMetric(float64(d), "execdepth-"+svc)
	}
}
