package phpcmd

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDockerfiles checks that every service's Dockerfile is the one template
// with its own name, and that the template keeps the image contract.
func TestDockerfiles(t *testing.T) {
	pkgs, err := Discover(servicesDir)
	if err != nil {
		t.Fatal(err)
	}
	var template, first string
	for _, pkg := range pkgs {
		if pkg.Manifest == nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join(pkg.Dir, "Dockerfile"))
		if err != nil {
			t.Errorf("%s: every service needs a Dockerfile: %v", pkg.Name, err)
			continue
		}
		generic := strings.NewReplacer(
			"services/"+pkg.Name+"/Dockerfile", "services/<name>/Dockerfile",
			"ARG SERVICE="+pkg.Name+"\n", "ARG SERVICE=<name>\n",
		).Replace(string(data))
		if template == "" {
			template, first = generic, pkg.Name
			checkImageContract(t, pkg.Name, generic)
		} else if generic != template {
			t.Errorf("%s/Dockerfile differs from %s/Dockerfile beyond the service name: keep them one template", pkg.Name, first)
		}
	}
	if template == "" {
		t.Fatal("no service Dockerfile found")
	}
}

func checkImageContract(t *testing.T, name, dockerfile string) {
	t.Helper()
	for _, want := range []string{
		"# Build context: the services/ directory",
		"ARG SERVICE=<name>\n",
		"AS runtime",
		"org.opencontainers.image.created=\"${BUILD_DATE}\"",
		"org.opencontainers.image.revision=\"${VCS_REF}\"",
		"org.opencontainers.image.version=\"${VERSION}\"",
		"SERVER_NAME=\":8080\"",
		"USER 10001:10001",
		"EXPOSE 8080",
	} {
		if !strings.Contains(dockerfile, want) {
			t.Errorf("%s/Dockerfile lacks %q", name, want)
		}
	}
	if n := strings.Count(dockerfile, "\nFROM "); n < 2 {
		t.Errorf("%s/Dockerfile has %d stages, want a multi-stage build", name, n)
	}
	secret := regexp.MustCompile(`(?im)^\s*(ARG|ENV)\s+\S*(KEY|TOKEN|SECRET|PASSWORD)`)
	if m := secret.FindString(dockerfile); m != "" {
		t.Errorf("%s/Dockerfile passes a secret through %q: secrets come from the environment at run time", name, strings.TrimSpace(m))
	}
}
