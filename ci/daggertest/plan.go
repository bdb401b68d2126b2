package daggertest

import (
	"sort"
)

// Container is a container chain read back as the engine would build it.
type Container struct {
	Node  *Node
	Image string // the address of `from`, "" for scratch
	State        // the state after the last step
	Execs []Exec // every withExec, with the state it ran in
}

// State is what a container looks like at one point of its chain.
type State struct {
	Env        map[string]string // plain variables
	Secrets    map[string]string // env name → secret name (never its value)
	Workdir    string
	User       string
	Mounts     []Mount
	Services   []Binding
	Ports      []int
	Entrypoint []string
	Labels     map[string]string
}

// Mount is a mounted or copied directory, file, cache, secret or tmpfs.
type Mount struct {
	Path    string
	Kind    string // directory, file, cache, secret, temp, copy-directory, copy-file, new-file
	Source  *Node  // the Directory/File chain for directories and files
	Cache   string // cache volume key
	Sharing string // cache sharing mode (SHARED by default)
	Secret  string // secret name
	Include []string
	Exclude []string
	Content string // for new-file
}

// Binding is a service bound under an alias.
type Binding struct {
	Alias     string
	Service   *Node
	Container *Container // the container the service runs, when it is one
}

// Exec is one withExec and the state it runs in.
type Exec struct {
	Node          *Node
	Args          []string
	Expect        string
	UseEntrypoint bool
	State
}

// ContainerOf reads the container chain ending at n (n may be any node of a
// container chain, or a leaf's target).
func ContainerOf(n *Node) *Container {
	c := &Container{Node: n, State: State{Env: map[string]string{}, Secrets: map[string]string{}, Labels: map[string]string{}}}
	for _, step := range n.Chain() {
		c.apply(step)
	}
	return c
}

func (c *Container) apply(s *Node) {
	a := s.Args
	switch s.Field {
	case "from":
		c.Image = a.String("address")
	case "withEnvVariable":
		c.Env[a.String("name")] = a.String("value")
	case "withoutEnvVariable":
		delete(c.Env, a.String("name"))
		delete(c.Secrets, a.String("name"))
	case "withSecretVariable":
		c.Secrets[a.String("name")] = SecretName(a.Node("secret"))
	case "withWorkdir":
		c.Workdir = a.String("path")
	case "withUser":
		c.User = a.String("name")
	case "withLabel":
		c.Labels[a.String("name")] = a.String("value")
	case "withExposedPort":
		c.Ports = append(c.Ports, a.Int("port"))
	case "withEntrypoint":
		c.Entrypoint = a.Strings("args")
	case "withServiceBinding":
		c.Services = append(c.Services, binding(a.String("alias"), a.Node("service")))
	case "withExec":
		c.Execs = append(c.Execs, Exec{Node: s, Args: a.Strings("args"), Expect: a.String("expect"),
			UseEntrypoint: a.Bool("useEntrypoint"), State: c.State.clone()})
	default:
		if m, ok := mountOf(s); ok {
			c.Mounts = append(c.Mounts, m)
		}
	}
}

var mountKinds = map[string]string{
	"withMountedDirectory": "directory", "withMountedFile": "file", "withMountedCache": "cache",
	"withMountedSecret": "secret", "withMountedTemp": "temp", "withDirectory": "copy-directory",
	"withFile": "copy-file", "withNewFile": "new-file",
}

func mountOf(s *Node) (Mount, bool) {
	kind, ok := mountKinds[s.Field]
	if !ok {
		return Mount{}, false
	}
	a := s.Args
	m := Mount{Path: a.String("path"), Kind: kind, Source: a.Node("source"),
		Include: a.Strings("include"), Exclude: a.Strings("exclude"), Content: a.String("contents")}
	switch kind {
	case "cache":
		m.Cache = a.Node("cache").Args.String("key")
		m.Sharing = a.String("sharing")
		if m.Sharing == "" {
			m.Sharing = "SHARED"
		}
	case "secret":
		m.Secret = SecretName(m.Source)
	}
	return m, true
}

func binding(alias string, svc *Node) Binding {
	b := Binding{Alias: alias, Service: svc}
	if svc != nil {
		if as := svc.Find("asService"); as != nil && as.Parent != nil {
			b.Container = ContainerOf(as.Parent)
		}
	}
	return b
}

func (s State) clone() State {
	out := s
	out.Env = cloneMap(s.Env)
	out.Secrets = cloneMap(s.Secrets)
	out.Labels = cloneMap(s.Labels)
	out.Mounts = append([]Mount(nil), s.Mounts...)
	out.Services = append([]Binding(nil), s.Services...)
	out.Ports = append([]int(nil), s.Ports...)
	return out
}

func cloneMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// SecretName names a secret the way the CLI refers to it: the setSecret name or
// the secret URI (env:NAME, file:...). Never its value.
func SecretName(n *Node) string {
	if n == nil {
		return ""
	}
	switch n.Field {
	case "setSecret":
		return n.Args.String("name")
	case "secret":
		return n.Args.String("uri")
	}
	return n.Field
}

// Mount returns the mount at path, if any.
func (s State) Mount(path string) (Mount, bool) {
	for i := len(s.Mounts) - 1; i >= 0; i-- {
		if s.Mounts[i].Path == path {
			return s.Mounts[i], true
		}
	}
	return Mount{}, false
}

// Service returns the binding with the alias, if any.
func (s State) Service(alias string) (Binding, bool) {
	for _, b := range s.Services {
		if b.Alias == alias {
			return b, true
		}
	}
	return Binding{}, false
}

// ExecIndex returns the index of the first exec whose argv contains all parts, or -1.
func (c *Container) ExecIndex(parts ...string) int {
	m := ArgvContains(parts...)
	for i, e := range c.Execs {
		if m(e.Args) {
			return i
		}
	}
	return -1
}

// Containers returns the container of every recorded leaf call whose target
// is (part of) a container chain, deduplicated, in a stable order.
func (e *Engine) Containers() []*Container {
	seen := map[*Node]bool{}
	var out []*Container
	for _, c := range e.Calls() {
		n := containerNode(c.Target)
		if n == nil || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, ContainerOf(n))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Node.key < out[j].Node.key })
	return out
}

// containerNode returns the last container step at or above n: for a leaf on
// container.file(...) that is the container itself.
func containerNode(n *Node) *Node {
	for c := n; c != nil; c = c.Parent {
		if c.Find("container") != nil && c.Field != "file" && c.Field != "directory" {
			return c
		}
	}
	return nil
}

// Published returns every address the module published to, with the chain it published.
func (e *Engine) Published() map[string]*Container {
	out := map[string]*Container{}
	for _, c := range e.Calls() {
		if c.Field == "publish" {
			out[c.Args.String("address")] = ContainerOf(c.Target)
		}
	}
	return out
}
