package conformance

import (
	"fmt"
	"slices"
	"strconv"
)

// checkMigrations: a service with a "migrate" command in composer.json has a
// Job "<service>-migrate" that runs it with the service's image as an Argo CD
// Sync hook ahead of the Rollout; a service without one has no such Job.
func checkMigrations(objs []Object, c Contract) []string {
	jobs := byKind(objs, "Job")
	var errs []string
	for _, s := range c.Services {
		for _, ns := range namespaces(objs) {
			job, ok := jobs[ns+"/"+s.Name+"-migrate"]
			switch {
			case ok && len(s.Migrate) == 0 && s.Declared:
				errs = append(errs, job.ID()+": "+s.Name+" declares no migrate command")
			case !ok && len(s.Migrate) > 0:
				errs = append(errs, fmt.Sprintf("%s: no Job %s-migrate runs %v", ns, s.Name, s.Migrate))
			case ok:
				errs = append(errs, migrationJob(job, s)...)
			}
		}
	}
	return errs
}

// migrationJob checks the command, the image and the hook of one Job.
func migrationJob(job Object, s Service) []string {
	var errs []string
	for _, ctr := range containers(anyPodTemplate(job)) {
		cmd, _ := ctr["command"].([]any)
		if len(s.Migrate) > 0 && !slices.Equal(strs(cmd), s.Migrate) {
			errs = append(errs, fmt.Sprintf("%s: runs %v, composer.json says %v", job.ID(), cmd, s.Migrate))
		}
		if imageName(fmt.Sprint(ctr["image"])) != ImageRepo+s.Name {
			errs = append(errs, fmt.Sprintf("%s: image %v is not %s%s", job.ID(), ctr["image"], ImageRepo, s.Name))
		}
	}
	ann := labels(job.Doc, "metadata", "annotations")
	if wave, err := strconv.Atoi(ann["argocd.argoproj.io/sync-wave"]); ann["argocd.argoproj.io/hook"] != "Sync" || err != nil || wave >= 0 {
		errs = append(errs, job.ID()+": want an Argo CD Sync hook in a negative sync wave, before the Rollout")
	}
	return errs
}

func strs(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = fmt.Sprint(v)
	}
	return out
}
