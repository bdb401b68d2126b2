# One entry point for people and CI. `make test` is what .ci/run calls.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PLATFORM_CACHE ?= /var/cache/platform-ci
GO ?= go

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: standins
standins: ## Generate the offline stand-ins of the Dagger-generated code (gitignored)
	cd ci && $(GO) generate .

.PHONY: deps
deps: ## Install (or name) every tool the tests need, at the pinned versions
	@scripts/deps.sh >/dev/null

.PHONY: vet
vet: standins ## go vet and staticcheck (pinned) of both Go modules
	cd ci && $(GO) vet ./...
	$(GO) vet ./...
	eval "$$(scripts/deps.sh)"; (cd ci && $$STATICCHECK_BIN ./...) && $$STATICCHECK_BIN ./...

.PHONY: test
test: vet ## Run every test in the repository (both Go modules, PHP services on real PostgreSQL/Redis)
	eval "$$(scripts/deps.sh)"; eval "$$(scripts/test-env.sh)"; \
	{ (cd ci && $(GO) test -json -count=1 ./...); $(GO) test -json -count=1 ./...; } \
	  | (cd ci && $(GO) run ./cmd/testreport -show '^TestServicesOnHost$$')
	@test -z "$$(git status --porcelain)" || { echo "tests left the tree dirty:"; git status --short; exit 1; }

.PHONY: bench
bench: standins ## Print module compile time, go.sum size and engine round trips per plan
	scripts/bench.sh
