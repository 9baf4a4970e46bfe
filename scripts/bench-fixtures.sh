# Sourced by the service benchmarks: writes into DIR a keys file whose service-center key has no
# practical issue limit (the sample key allows 600 issues a minute, a key without a limit 120) and a copy of the NL example case dated
# today (an issue refuses a requestDate more than 30 days back), and exports CASE and KEY for
# scripts/wrk-post.lua and BENCH_KEYS for `serve --keys`.
# Usage: . scripts/bench-fixtures.sh; bench_fixtures DIR
bench_fixtures() {
  python3 - "$1" <<'PY'
import datetime, json, sys
work = sys.argv[1]
case = json.load(open("Examples/nl-out-of-warranty.json"))
case["requestDate"] = datetime.date.today().isoformat()
json.dump(case, open(work + "/case.json", "w"))
keys = {"keys": [{"key": "bench-0000000000000000000000000001", "name": "bench", "role": "service-center", "issuesPerMinute": 1000000000}]}
json.dump(keys, open(work + "/keys.json", "w"))
PY
  export CASE="$1/case.json" KEY="bench-0000000000000000000000000001" BENCH_KEYS="$1/keys.json"
}
