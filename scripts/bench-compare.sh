#!/usr/bin/env bash
# The engine, JSON and rendering benchmarks of two builds, side by side: the rounds alternate
# between them, so both see the same machine. Each build runs in its own checkout (its price
# lists, templates and examples).
# Usage: bash scripts/bench-compare.sh BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS]
#   e.g. git worktree add /tmp/before 547c774 && (cd /tmp/before && swift build -c release)
#        bash scripts/bench-compare.sh /tmp/before . 3
# A checkout's binary is $CHECKOUT/.build/release/repairquote, or $BEFORE_BIN / $AFTER_BIN.
# Both compute and decode the before checkout's example cases (an example added since would make
# the two loops differ), each with its own price lists and templates.
set -euo pipefail
before=$(cd "$1" && pwd); after=$(cd "$2" && pwd); rounds=${3:-3}
bin_before=${BEFORE_BIN:-$before/.build/release/repairquote}
bin_after=${AFTER_BIN:-$after/.build/release/repairquote}
[[ $bin_after = /* ]] || bin_after="$after/$bin_after"
for b in "$bin_before" "$bin_after"; do [ -x "$b" ] || { echo "bench-compare: no binary $b" >&2; exit 1; }; done
run() { # run LABEL CHECKOUT BINARY
  (cd "$2" && {
    "$3" bench quotes --count 300000 --examples "$before/Examples" | sed "s/^/$1 quotes: /"
    "$3" bench json --count 100000 "$before"/Examples/*.json | sed "s/^/$1 json: /"
    "$3" bench render Examples/nl-out-of-warranty.json --iterations 10000 | sed "s/^/$1 render: /"
  })
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  echo "— round $round"
  run before "$before" "$bin_before"
  run after "$after" "$bin_after"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
