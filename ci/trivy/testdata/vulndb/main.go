// Command vulndb writes the tiny Trivy vulnerability DB the real tests use
// offline (this machine cannot download the real one). It holds made-up
// advisories in trivy-db schema 2: for one made-up Composer package a fixed
// HIGH, an unfixed CRITICAL and a fixed LOW; for Alpine 3.20's musl a fixed
// HIGH (for the image scan). Run from this directory:
//
//	GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off go run . trivy.db
//	gzip -n -9 trivy.db
//
// It is a separate module so that ci/go.mod does not need bbolt.
package main

import (
	"encoding/json"
	"log"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Bucket names as trivy-db spells them.
const (
	source = "composer::GitHub Security Advisory Composer"
	alpine = "alpine 3.20"
)

type advisory struct {
	VulnerableVersions []string `json:",omitempty"`
	PatchedVersions    []string `json:",omitempty"`
}

type vulnerability struct {
	Title, Description string
	Severity           string
	VendorSeverity     map[string]int // trivy-db severity: 1 LOW ... 4 CRITICAL
}

func main() {
	db, err := bolt.Open(os.Args[1], 0o644, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fill); err != nil {
		log.Fatal(err)
	}
}

func fill(tx *bolt.Tx) error {
	put(tx, []string{"data-source"}, source, map[string]string{"ID": "ghsa", "Name": "GitHub Security Advisory Composer",
		"URL": "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Acomposer"})
	pkg := []string{source, "acme/vulnerable-lib"}
	put(tx, pkg, "CVE-2099-10001", advisory{VulnerableVersions: []string{"<1.2.3"}, PatchedVersions: []string{"1.2.3"}})
	put(tx, pkg, "CVE-2099-10002", advisory{VulnerableVersions: []string{">=1.0.0"}})
	put(tx, pkg, "CVE-2099-10003", advisory{VulnerableVersions: []string{"<1.3.0"}, PatchedVersions: []string{"1.3.0"}})
	put(tx, []string{"data-source"}, alpine, map[string]string{"ID": "alpine", "Name": "Alpine Secdb",
		"URL": "https://secdb.alpinelinux.org/"})
	put(tx, []string{alpine, "musl"}, "CVE-2099-20001", map[string]string{"FixedVersion": "1.2.5-r1"})
	vulns := []string{"vulnerability"}
	put(tx, vulns, "CVE-2099-20001", vulnerability{"made-up musl high", "fixture", "HIGH", map[string]int{"nvd": 3}})
	put(tx, vulns, "CVE-2099-10001", vulnerability{"made-up fixed high", "fixture", "HIGH", map[string]int{"ghsa": 3}})
	put(tx, vulns, "CVE-2099-10002", vulnerability{"made-up unfixed critical", "fixture", "CRITICAL", map[string]int{"ghsa": 4}})
	put(tx, vulns, "CVE-2099-10003", vulnerability{"made-up fixed low", "fixture", "LOW", map[string]int{"ghsa": 1}})
	return nil
}

func put(tx *bolt.Tx, buckets []string, key string, value any) {
	b, err := tx.CreateBucketIfNotExists([]byte(buckets[0]))
	for _, name := range buckets[1:] {
		if err == nil {
			b, err = b.CreateBucketIfNotExists([]byte(name))
		}
	}
	data, _ := json.Marshal(value)
	if err == nil {
		err = b.Put([]byte(key), data)
	}
	if err != nil {
		log.Fatal(err)
	}
}
