package config

import (
	"strings"
	"testing"
)

func valid() Options {
	return Options{Registry: "ghcr.io", Namespace: "ai-workflow-platform", PHPVersion: "8.3", Concurrency: 4}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		in   func(*Options)
		want string // substring of the error, "" for valid
	}{
		{name: "defaults", in: func(*Options) {}},
		{name: "local registry with port", in: func(o *Options) { o.Registry = "127.0.0.1:5000" }},
		{name: "nested namespace", in: func(o *Options) { o.Namespace = "org/team.x" }},
		{name: "registry with scheme", in: func(o *Options) { o.Registry = "https://ghcr.io" }, want: "--registry"},
		{name: "empty registry", in: func(o *Options) { o.Registry = "" }, want: "want host[:port]"},
		{name: "uppercase namespace", in: func(o *Options) { o.Namespace = "AI" }, want: "--namespace"},
		{name: "php 7", in: func(o *Options) { o.PHPVersion = "7.4" }, want: "--php-version"},
		{name: "php patch version", in: func(o *Options) { o.PHPVersion = "8.3.1" }, want: "--php-version"},
		{name: "zero concurrency", in: func(o *Options) { o.Concurrency = 0 }, want: "--concurrency 0"},
		{name: "too much concurrency", in: func(o *Options) { o.Concurrency = MaxConcurrency + 1 }, want: "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.in(&o)
			err := o.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestImage(t *testing.T) {
	if got := valid().Image("bff"); got != "ghcr.io/ai-workflow-platform/bff" {
		t.Fatalf("Image = %q", got)
	}
}
