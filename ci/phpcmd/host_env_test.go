package phpcmd

// Helpers of the host runner: the real servers, commands run for real, and a TCP proxy.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// servicesDir is services/ seen from ci/phpcmd.
const servicesDir = "../../services"

// hostEnv holds the real servers the tests run against.
type hostEnv struct {
	postgres *url.URL
	redis    string
}

// requireHostEnv fails (never skips) when the servers are not configured.
func requireHostEnv(t *testing.T) hostEnv {
	t.Helper()
	pg, redis := os.Getenv("TEST_POSTGRES_URL"), os.Getenv("TEST_REDIS_URL")
	if pg == "" || redis == "" {
		t.Fatal(`TEST_POSTGRES_URL and TEST_REDIS_URL must point at real servers: run eval "$(bash scripts/test-env.sh)" from the repository root first`)
	}
	u, err := url.Parse(pg)
	if err != nil {
		t.Fatalf("TEST_POSTGRES_URL %q: %v", pg, err)
	}
	return hostEnv{postgres: u, redis: strings.TrimRight(redis, "/")}
}

// databaseURL returns the URL of database name on the test server.
func (h hostEnv) databaseURL(name string) string {
	u := *h.postgres
	u.Path = "/" + name
	return u.String()
}

// freshDatabase creates an empty database, dropped when the test ends, and returns its URL.
func (h hostEnv) freshDatabase(t *testing.T, label string) string {
	return h.databaseURL(h.freshDatabaseName(t, label))
}

// freshDatabaseName creates an empty database, dropped when the test ends, and returns its name.
func (h hostEnv) freshDatabaseName(t *testing.T, label string) string {
	t.Helper()
	name := fmt.Sprintf("phpcmd_%s_%d_%d", strings.ReplaceAll(label, "-", "_"), os.Getpid(), time.Now().UnixNano()%1e6)
	h.psql(t, "CREATE DATABASE "+name)
	t.Cleanup(func() { h.psqlQuiet("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })
	return name
}

func (h hostEnv) psql(t *testing.T, sql string) {
	t.Helper()
	if out, err := h.psqlOut(h.postgres.String(), sql); err != nil {
		t.Fatalf("psql %q: %v\n%s", sql, err, out)
	}
}

func (h hostEnv) psqlQuiet(sql string) { _, _ = h.psqlOut(h.postgres.String(), sql) }

func (h hostEnv) psqlOut(dbURL, sql string) (string, error) {
	out, err := exec.Command("psql", dbURL, "-X", "-v", "ON_ERROR_STOP=1", "-Atc", sql).CombinedOutput()
	return string(out), err
}

// phpEnv is the environment of every PHP command: the process environment plus the servers.
func phpEnv(dbURL, redisURL string) []string {
	env := append(os.Environ(), "APP_ENV=test", "LOG_LEVEL=error", "LLM_PROVIDER=local", "MIGRATE_WAIT_SECONDS=10")
	if dbURL != "" {
		env = append(env, "DATABASE_URL="+dbURL)
	}
	if redisURL != "" {
		env = append(env, "REDIS_URL="+redisURL)
	}
	return env
}

// run executes argv in dir and returns its combined output.
func run(ctx context.Context, dir string, env []string, argv []string) (string, error) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		err = fmt.Errorf("%s: %w", strings.Join(argv, " "), err)
	}
	return out.String(), err
}

// mustRun runs argv and fails the test with its output when it fails.
func mustRun(t *testing.T, dir string, env []string, argv []string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := run(ctx, dir, env, argv)
	if err != nil {
		t.Fatalf("%v\n%s", err, tail(out, 60))
	}
	return out
}

func tail(s string, lines int) string {
	parts := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return strings.Join(parts, "\n")
}

// discoverHost lists the packages under services/, failing the test on error.
func discoverHost(t *testing.T) []Package {
	t.Helper()
	pkgs, err := Discover(servicesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) == 0 {
		t.Fatalf("no packages under %s", servicesDir)
	}
	return pkgs
}

// phpFiles lists the PHP files under root, outside vendor/ and build/.
func phpFiles(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "vendor" || d.Name() == "build") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".php") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// proxy forwards 127.0.0.1:<port> to a target; Close cuts every connection, Open listens again on the same port.
type proxy struct {
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]struct{}
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	p := &proxy{target: target, addr: "127.0.0.1:0", conns: map[net.Conn]struct{}{}}
	if err := p.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

func (p *proxy) Open() error {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		return fmt.Errorf("proxy listen %s: %w", p.addr, err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go p.accept(ln)
	return nil
}

func (p *proxy) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go p.forward(c)
	}
}

func (p *proxy) forward(c net.Conn) {
	up, err := net.DialTimeout("tcp", p.target, 2*time.Second)
	if err != nil {
		c.Close()
		return
	}
	p.track(c, up)
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn) { _, _ = io.Copy(dst, src); done <- struct{}{} }
	go pipe(up, c)
	go pipe(c, up)
	<-done
	c.Close()
	up.Close()
}

func (p *proxy) track(conns ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range conns {
		p.conns[c] = struct{}{}
	}
}

func (p *proxy) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
		delete(p.conns, c)
	}
}

// port returns the proxy's port.
func (p *proxy) port() string {
	_, port, _ := net.SplitHostPort(p.addr)
	return port
}
