#!/usr/bin/env bash
# Print the module's performance numbers. Benchmarks report; they never fail on time.
#   - cold compile time of the module (empty Go build cache, stand-ins in place):
#     every `dagger call` on a cold engine pays it;
#   - the number of modules in ci/go.sum (what a cold engine downloads);
#   - engine round trips and exec depth per pipeline plan (Go benchmarks in ci/).
set -euo pipefail
cd "$(dirname "$0")/../ci"

cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
start=$(date +%s.%N)
GOCACHE="$cache" GOFLAGS=-buildvcs=false go build -o /dev/null .
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "module cold compile: %.1fs\n", e - s }'
printf 'modules in ci/go.sum: %d\n' "$(awk '{print $1}' go.sum | sort -u | wc -l)"
go test -run '^$' -bench . -benchtime 3x . | grep -E '^Benchmark' || echo "no plan benchmarks yet"
