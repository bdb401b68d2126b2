package trivy

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// alpineLayer is a minimal Alpine 3.20 root: the release file and an apk
// database with musl at a version the fixture DB marks vulnerable.
var alpineLayer = map[string]string{
	"etc/alpine-release":   "3.20.3\n",
	"etc/os-release":       "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n",
	"lib/apk/db/installed": "P:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\no:musl\nT:the musl c library\n\n",
}

// writeImageTarball writes a one-layer image in `docker save` format, the
// shape `dagger Container.asTarball` exports for the stage.
func writeImageTarball(t *testing.T) string {
	t.Helper()
	layer := tarOf(t, alpineLayer)
	sum := sha256.Sum256(layer)
	diffID := hex.EncodeToString(sum[:])
	config := `{"architecture": "amd64", "os": "linux", "config": {}, "rootfs": {"type": "layers", "diff_ids": ["sha256:` + diffID + `"]}}`
	manifest := `[{"Config": "config.json", "RepoTags": ["fixture/alpine:1"], "Layers": ["` + diffID + `/layer.tar"]}]`
	image := tarOf(t, map[string]string{
		"manifest.json": manifest, "config.json": config, diffID + "/layer.tar": string(layer),
	})
	path := filepath.Join(t.TempDir(), "image.tar")
	if err := os.WriteFile(path, image, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func tarOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		body := files[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRealImageTarball(t *testing.T) {
	o := Options{Target: writeImageTarball(t), Tarball: true, CacheDir: offlineCache(t), SkipDBUpdate: true}
	_, v, _ := realScan(t, ImageArgs, o, Policy{Threshold: High})
	if got, want := ids(v.Blocking), "vulnerability CVE-2099-20001 HIGH"; got != want {
		t.Fatalf("blocking: got %s, want %s", got, want)
	}
	if f := v.Blocking[0]; f.Package != "musl" || !f.Fixed {
		t.Errorf("finding %+v: want package musl with a fix", f)
	}
}
