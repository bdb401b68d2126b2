#!/usr/bin/env bash
# Start the real servers the tests need, on 127.0.0.1 only, and print the
# environment that points the tests at them. Idempotent: a server that already
# answers is left alone.
#
#   eval "$(scripts/test-env.sh)"
#
# State lives outside the clone (PLATFORM_CACHE, default /var/cache/platform-ci)
# so a fresh clone starts fast and leaves `git status` clean.
set -euo pipefail

cache="${PLATFORM_CACHE:-/var/cache/platform-ci}"
pg_port="${PLATFORM_PG_PORT:-55432}"
redis_port="${PLATFORM_REDIS_PORT:-56379}"
pg_bin="$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)"
if [[ -z "$pg_bin" ]]; then
  echo "test-env: PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2
  exit 1
fi
command -v redis-server >/dev/null || { echo "test-env: redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }

pg_data="$cache/postgres-15"
mkdir -p "$cache"
if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  if [[ ! -s "$pg_data/PG_VERSION" ]]; then
    mkdir -p "$pg_data"
    chown -R postgres:postgres "$pg_data"
    pwfile="$(mktemp)"; echo platform > "$pwfile"; chown postgres "$pwfile"
    runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U platform --pwfile="$pwfile" \
      --auth=scram-sha-256 >/dev/null
    rm -f "$pwfile"
  fi
  mkdir -p /run/postgresql "$cache/pglog" && chown postgres:postgres /run/postgresql "$cache/pglog"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$cache/pglog/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=/run/postgresql -c max_connections=200" \
    start >/dev/null
fi

if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes --save "" --appendonly no \
    --logfile "$cache/redis.log" >/dev/null
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

echo "export TEST_POSTGRES_URL=postgres://platform:platform@127.0.0.1:$pg_port/postgres"
echo "export TEST_REDIS_URL=redis://127.0.0.1:$redis_port"
