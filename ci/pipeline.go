package main

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"dagger/platform/report"
)

// stageOrder is the order rows are reported in.
var stageOrder = []string{"lint", "test", "mutation", "scan", "snyk"}

// skipped is a job outcome that is neither a pass nor a failure: the job did
// not run, for the reason it gives (no credentials, say).
type skipped string

func (s skipped) Error() string { return string(s) }

// job is one service × stage step of a pipeline run. run returns a note for
// the report when it passes, the failure, or skipped(reason) when it did not run.
type job struct {
	service, stage string
	run            func(context.Context) (string, error)
}

// runJobs is the one place the pipeline fans out: every job runs under the
// concurrency limit and writes its own row. Collect-all is the default; with
// failFast no new job starts after the first failure, and those not started
// are reported as skipped with the failure that stopped them.
func (p *Platform) runJobs(ctx context.Context, jobs []job, failFast bool) *report.Report {
	rep := report.New(stageOrder...)
	var firstFailure atomic.Pointer[string]
	var eg errgroup.Group
	eg.SetLimit(p.Concurrency)
	for _, j := range jobs {
		eg.Go(func() error {
			if f := firstFailure.Load(); failFast && f != nil {
				rep.Add(report.Row{Service: j.service, Stage: j.stage, Status: report.Skipped, Reason: "fail-fast: not started after " + *f + " failed"})
				return nil
			}
			row := runJob(ctx, j)
			if row.Status == report.Fail {
				name := j.service + "/" + j.stage
				firstFailure.CompareAndSwap(nil, &name)
			}
			rep.Add(row)
			return nil
		})
	}
	_ = eg.Wait()
	return rep
}

func runJob(ctx context.Context, j job) report.Row {
	start := time.Now()
	note, err := j.run(ctx)
	row := report.Row{Service: j.service, Stage: j.stage, Status: report.Pass, Reason: note, Start: start, Duration: time.Since(start)}
	var skip skipped
	switch {
	case errors.As(err, &skip):
		row.Status, row.Reason = report.Skipped, string(skip)
	case err != nil:
		row.Status, row.Reason = report.Fail, err.Error()
	}
	return row
}
