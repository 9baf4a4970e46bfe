#!/bin/sh
# Load benchmark of the service on loopback: /health vs POST /v1/quotes/preview vs POST /v1/quotes.
# Usage: scripts/bench-service.sh [SECONDS]   (after `swift build -c release --product repairquote`)
set -eu
SECONDS_PER_RUN=${1:-15}
PORT=18080
WORK=$(mktemp -d)
DB=$WORK/bench.sqlite
# The server logs one line per issued quote; they go to a file, not the terminal.
.build/release/repairquote serve --port $PORT --db "$DB" --keys Examples/service/keys.sample.json \
    2>"$WORK/server.log" &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do
    curl -sf http://127.0.0.1:$PORT/health >/dev/null && break
    sleep 0.5
done
run() {
    echo "== $1"
    shift
    wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@" | grep -E "Requests/sec|99%|Non-2xx|Socket errors"
}
run "GET /health" http://127.0.0.1:$PORT/health
run "POST /v1/quotes/preview" -s scripts/wrk-post.lua http://127.0.0.1:$PORT/v1/quotes/preview
run "POST /v1/quotes" -s scripts/wrk-post.lua http://127.0.0.1:$PORT/v1/quotes
echo "server log: $WORK/server.log ($(grep -c 'quote issued' "$WORK/server.log") quotes issued)"
