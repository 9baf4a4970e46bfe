#!/usr/bin/env bash
# The API tests against docs/openapi.yaml (docs/service.md, "API tests"):
#  1. the document is valid OpenAPI (openapi-spec-validator);
#  2. a Python client generated from it (openapi-python-client) previews, issues, reads, lists and
#     decides a quote, asserting the values (scripts/api/client_test.py);
#  3. schemathesis sends what the document allows (and what it does not) to every operation, a
#     bounded number of examples each with a fixed seed, and requires no server error, no
#     undocumented status, content type or header, no answer that does not conform, and that what
#     the document does not allow is refused.
# Both run against a throw-away server: .build/debug/repairquote serve on a free 127.0.0.1 port,
# a temporary SQLite file and the sample keys, stopped by its own PID whatever the outcome.
# The tools live in their own virtual environment, .build/api-venv, at pinned versions.
# Needs a built repairquote (swift build). Prints `N passed, N failed` last; exit 1 on any failure.
# Usage: bash scripts/api/run.sh [--examples N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
examples=25
seed=23
while [ $# -gt 0 ]; do
  case "$1" in
    --examples) examples="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "api tests: unknown option $1 (--examples N, --seed N)" >&2; exit 2 ;;
  esac
done
bin=.build/debug/repairquote
[ -x "$bin" ] || { echo "api tests: $bin is missing; run swift build first" >&2; exit 1; }

venv=.build/api-venv
pins=$(cat scripts/api/requirements.txt scripts/api/constraints.txt)
if [ "$pins" != "$(cat "$venv/pins.txt" 2>/dev/null)" ] || [ ! -x "$venv/bin/st" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/api/requirements.txt \
    -c scripts/api/constraints.txt
  printf '%s\n' "$pins" >"$venv/pins.txt"
fi

tmp=$(mktemp -d)
server=""
stop() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap stop EXIT

passed=0
failed=0
step() {  # step NAME COMMAND…: runs one test step, counts it, and never stops the others
  local name="$1"
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
  fi
}

step "docs/openapi.yaml is valid OpenAPI" "$venv/bin/openapi-spec-validator" docs/openapi.yaml

port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
key=sc-demo-0000000000000000000000000001
"$bin" serve --host 127.0.0.1 --port "$port" --db "$tmp/quotes.sqlite" \
  --keys Examples/service/keys.sample.json >"$tmp/server.log" 2>&1 &
server=$!
healthy() {
  "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/health", timeout=2)' \
    "$base" >/dev/null 2>&1
}
for _ in $(seq 150); do
  healthy && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.2
done
if ! healthy; then
  echo "api tests: the server did not start on $base:" >&2
  tail -20 "$tmp/server.log" >&2
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
fi

# The generated client's journey (on the empty store, so its quote is the market's first).
generate_client() {
  (cd "$tmp" && "$root/$venv/bin/openapi-python-client" generate --path "$root/docs/openapi.yaml" \
    --meta none --output-path repairquote_client >"$tmp/generate.log" 2>&1) \
    || { cat "$tmp/generate.log"; return 1; }
}
step "a Python client generates from docs/openapi.yaml" generate_client
step "the generated client previews, issues, reads, lists and decides" "$venv/bin/python" \
  scripts/api/client_test.py --client "$tmp" --base-url "$base" --key "$key" \
  --case Examples/nl-out-of-warranty.json

# An undecided quote and its customer link, so that schemathesis reaches a real quote.
seed_quote() {
  "$venv/bin/python" - "$base" "$key" Examples/nl-out-of-warranty.json >"$tmp/seeded" <<'EOF'
import json, sys, urllib.request
base, key, path = sys.argv[1:4]
case = json.load(open(path, encoding="utf-8"))
case.pop("requestDate", None)
case["customer"]["name"] = "Schemathesis"
request = urllib.request.Request(
    base + "/v1/quotes", data=json.dumps(case).encode(), method="POST",
    headers={"Authorization": "Bearer " + key, "Idempotency-Key": "api-run-seed"})
record = json.load(urllib.request.urlopen(request))
print(record["number"], record["customerLink"].rsplit("/", 1)[1])
EOF
}
# No server error; no undocumented status, content type or header; no answer off its schema; what
# the document refuses is refused (negative_data_rejection: the schema is not looser than the
# service); an undocumented method is 405 with Allow; a missing required header is refused.
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance
checks=$checks,response_schema_conformance,negative_data_rejection,unsupported_method
checks=$checks,missing_required_header,allow_header_conformance
run_schemathesis() {
  seed_quote || return 1
  read -r number token <"$tmp/seeded"
  # From the temporary folder, where schemathesis leaves its cache (.schemathesis/).
  (cd "$tmp" && RQ_API_KEY="$key" RQ_NUMBER="$number" RQ_TOKEN="$token" \
    "$root/$venv/bin/st" --config-file "$root/scripts/api/schemathesis.toml" run "$root/docs/openapi.yaml" \
    --url "$base" --max-examples "$examples" --seed "$seed" --workers 1 \
    --checks "$checks" \
    --generation-database none --request-timeout 20 --no-color)
}
step "schemathesis: $examples examples per operation, seed $seed" run_schemathesis

if grep -q '"level":"error"\| error repairquote' "$tmp/server.log"; then
  echo "== the server logged errors:"
  grep '"level":"error"\| error repairquote' "$tmp/server.log" | head -20
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
