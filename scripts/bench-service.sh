#!/bin/sh
# Load benchmark of the service on loopback: GET /health (the trivial route) vs
# POST /v1/quotes/preview vs POST /v1/quotes, wrk with 2 threads and 32 connections.
# Prints req/s, p99 latency, the share of /health's req/s, and the server's CPU time per request
# (from /proc, so it also reads true on a busy machine; Linux only).
# Usage: scripts/bench-service.sh [SECONDS] [extra serve options, e.g. --io-threads 2]
#        (after `swift build -c release --product repairquote`)
set -eu
SECONDS_PER_RUN=${1:-15}
[ $# -gt 0 ] && shift
PORT=18080
WORK=$(mktemp -d)
DB=$WORK/bench.sqlite
. scripts/bench-fixtures.sh
bench_fixtures "$WORK"
# The server logs one line per issued quote; they go to a file, not the terminal.
${REPAIRQUOTE_BIN:-.build/release/repairquote} serve --port $PORT --db "$DB" --keys "$BENCH_KEYS" "$@" \
    2>"$WORK/server.log" &
SERVER=$!
# The database (hundreds of MB after a run) goes; the log stays.
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -f "$DB" "$DB-wal" "$DB-shm"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
    curl -sf http://127.0.0.1:$PORT/health >/dev/null && break
    sleep 0.5
done
cpu_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
HEALTH_RPS=
run() {
    name=$1
    shift
    before=$(cpu_ticks)
    out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@")
    after=$(cpu_ticks)
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | grep -E "Non-2xx|Socket errors" || true)
    [ -z "$HEALTH_RPS" ] && HEALTH_RPS=$rps
    share=$(awk -v a="$rps" -v b="$HEALTH_RPS" 'BEGIN {printf "%.0f", 100 * a / b}')
    cpu=$(( (after - before) * TICK_US / requests ))
    printf '%-26s %10s req/s  p99 %8s  %4s%% of /health  server CPU %4s µs/request\n' \
        "$name" "$rps" "$p99" "$share" "$cpu"
    [ -n "$errors" ] && echo "    $errors"
    return 0
}
run "GET /health" http://127.0.0.1:$PORT/health
run "POST /v1/quotes/preview" -s scripts/wrk-post.lua http://127.0.0.1:$PORT/v1/quotes/preview
run "POST /v1/quotes" -s scripts/wrk-post.lua http://127.0.0.1:$PORT/v1/quotes
echo "server log: $WORK/server.log ($(grep -c 'quote issued' "$WORK/server.log") quotes issued)"
