#!/usr/bin/env bash
# Issues per second (POST /v1/quotes, a new quote per request) at 64 connections, side by side:
#   SQLite, one instance          (serve --db FILE)
#   PostgreSQL, one instance      (serve --db postgres://…)
#   PostgreSQL, two instances     (two serve processes on one database, 32 connections each)
#   pgbench on the same cluster   (a custom script with the same write per transaction: one
#                                  counter upsert … RETURNING and one row insert)
# on a throw-away cluster (scripts/with_postgres.sh). Needs wrk and pgbench (apt-get install wrk
# postgresql) and a release build: swift build -c release --product repairquote
# Usage: bash scripts/bench-postgres.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${REPAIRQUOTE_TEST_PG_URL:-}" ]; then exec bash scripts/with_postgres.sh bash "$0" "$@"; fi
SECONDS_PER_RUN=${1:-15}
BIN=${REPAIRQUOTE_BIN:-.build/release/repairquote}
for tool in wrk "$REPAIRQUOTE_PG_BIN/pgbench" "$BIN"; do
  command -v "$tool" >/dev/null || { echo "bench-postgres: $tool not found" >&2; exit 1; }
done
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
. scripts/bench-fixtures.sh
bench_fixtures "$WORK"
base="${REPAIRQUOTE_TEST_PG_URL%%\?*}"; base="${base%/*}"
psql_admin() { psql -q -v ON_ERROR_STOP=1 "$REPAIRQUOTE_TEST_PG_URL" "$@"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start() { # start DB PORT: one serve instance; its PID appended to PIDS
  "$BIN" serve --port "$2" --db "$1" --db-pool 32 --keys "$BENCH_KEYS" 2>>"$WORK/server.log" &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$2/health" >/dev/null && return 0; sleep 0.2; done
  echo "bench-postgres: serve on port $2 did not start" >&2; tail -5 "$WORK/server.log" >&2; exit 1
}
wrk_rps() { # wrk_rps CONNECTIONS PORT PREFIX → req/s; any answer but 201 stops the benchmark
  local out
  out=$(KEY_PREFIX="$3" wrk -t1 -c"$1" -d"${SECONDS_PER_RUN}s" -s scripts/wrk-post.lua \
    "http://127.0.0.1:$2/v1/quotes")
  if echo "$out" | grep -qE "Non-2xx|Socket errors"; then
    echo "bench-postgres: not every issue was answered 201:" >&2; echo "$out" >&2; exit 1
  fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
stop_all() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
count() { psql -tA "$1" -c "SELECT count(*) FROM quotes"; }

# SQLite, one instance.
port=$(free_port); start "$WORK/bench.sqlite" "$port"
sqlite=$(wrk_rps 64 "$port" s); stop_all

# PostgreSQL, one instance.
psql_admin -c "CREATE DATABASE bench_one"
port=$(free_port); start "$base/bench_one?sslmode=disable" "$port"
one=$(wrk_rps 64 "$port" o); stop_all
one_rows=$(count "$base/bench_one?sslmode=disable")

# PostgreSQL, two instances, 32 connections each, at the same time.
psql_admin -c "CREATE DATABASE bench_two"
p1=$(free_port); start "$base/bench_two?sslmode=disable" "$p1"
p2=$(free_port); start "$base/bench_two?sslmode=disable" "$p2"
wrk_rps 32 "$p1" a > "$WORK/a" & w1=$!
wrk_rps 32 "$p2" b > "$WORK/b" & w2=$!
wait $w1 $w2
two=$(awk '{s += $1} END {printf "%.2f", s}' "$WORK/a" "$WORK/b"); stop_all
two_rows=$(count "$base/bench_two?sslmode=disable")
gaps=$(psql -tA "$base/bench_two?sslmode=disable" -c \
  "SELECT count(*) - max(substr(number, 9)::int) FROM quotes WHERE market = 'NL'")

# pgbench: the same write per transaction, one counter row for all (like one market).
psql_admin -c "CREATE DATABASE bench_pgbench"
psql -q "$base/bench_pgbench?sslmode=disable" -c "
  CREATE TABLE counters (market TEXT, year INT, last BIGINT, PRIMARY KEY (market, year));
  CREATE TABLE rows (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, number TEXT UNIQUE, body TEXT);"
cat > "$WORK/issue.sql" <<'SQL'
BEGIN;
INSERT INTO counters (market, year, last) VALUES ('NL', 2026, 1)
  ON CONFLICT (market, year) DO UPDATE SET last = counters.last + 1 RETURNING last \gset
INSERT INTO rows (number, body) VALUES ('NL-2026-' || lpad(:last::text, 6, '0'), repeat('x', 3000));
END;
SQL
pg=$(PGPASSWORD="$(echo "$REPAIRQUOTE_TEST_PG_URL" | sed -E 's#^[^:]+://[^:]+:([^@]+)@.*#\1#')" \
  "$REPAIRQUOTE_PG_BIN/pgbench" -n -c 64 -j 2 -T "$SECONDS_PER_RUN" -f "$WORK/issue.sql" \
  "$base/bench_pgbench?sslmode=disable" 2>/dev/null | awk '/^tps/ {print $3; exit}')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", 100 * a / b}'; }
printf '%-40s %12s %14s\n' "64 connections, ${SECONDS_PER_RUN} s each" "issues/s" "vs pgbench"
printf '%-40s %12s %14s\n' "SQLite, one instance" "$sqlite" "$(ratio "$sqlite" "$pg")"
printf '%-40s %12s %14s\n' "PostgreSQL, one instance" "$one" "$(ratio "$one" "$pg")"
printf '%-40s %12s %14s\n' "PostgreSQL, two instances" "$two" "$(ratio "$two" "$pg")"
printf '%-40s %12s %14s\n' "pgbench (counter upsert + row insert)" "$pg" "100 %"
echo "rows: one instance $one_rows, two instances $two_rows (numbers missing: $gaps)"
