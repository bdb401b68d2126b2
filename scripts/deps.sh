#!/usr/bin/env bash
# Make sure every tool the tests run is on this machine, at the pinned version.
# As root on Debian it installs what is missing; otherwise it says exactly what
# is missing and how to get it, and fails.
#
# Slow tool builds (trivy: ~9 minutes cold) are cached under PLATFORM_CACHE,
# outside the clone, so only the first run on a machine pays for them.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${PLATFORM_CACHE:-/var/cache/platform-ci}"
apt_pkgs=(php8.2-cli php8.2-pgsql php8.2-redis php8.2-pcov php8.2-xml php8.2-mbstring php8.2-curl
  phpunit composer php-codesniffer postgresql-15 redis-server git)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "deps: installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
  else
    echo "deps: missing Debian packages: ${missing[*]}" >&2
    echo "deps: install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

pin() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\(.*\)\"/\1/p" ci/versions/versions.go; }

# go_tool NAME VERSION PACKAGE [ENV...]: build a Go tool once per version, each
# in its own throwaway module so tools never force versions on each other.
go_tool() {
  local name=$1 version=$2 pkg=$3; shift 3
  local dir="$cache/$name-v$version"
  if [[ ! -x "$dir/$name" ]]; then
    echo "deps: building $name v$version (cached in $dir; takes minutes once)" >&2
    mkdir -p "$dir"
    env "$@" GOBIN="$dir" GOFLAGS=-buildvcs=false go install "$pkg@v$version" >&2
  fi
  echo "$dir/$name"
}

trivy_bin=$(go_tool trivy "$(pin Trivy)" github.com/aquasecurity/trivy/cmd/trivy GOEXPERIMENT=jsonv2)
staticcheck_bin=$(go_tool staticcheck "$(pin Staticcheck)" honnef.co/go/tools/cmd/staticcheck)
echo "export TRIVY_BIN=$trivy_bin"
echo "export STATICCHECK_BIN=$staticcheck_bin"
