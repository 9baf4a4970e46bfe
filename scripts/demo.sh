#!/usr/bin/env bash
# The main job on the shipped sample data: builds repairquote and quotes every example case.
# Usage: bash scripts/demo.sh [CASE.json]   (one case in full, else a one-line summary of every example)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
bash scripts/setup.sh
swift build --product repairquote >&2
bin=.build/debug/repairquote
if [ $# -gt 0 ]; then
  "$bin" quote "$1" --format text
  exit
fi
"$bin" quote Examples/nl-out-of-warranty.json --format text
echo
echo "Every example case (Examples/*.json): status, consumer / manufacturer / retailer gross"
read -r -d '' summary <<'PY' || true
import json, sys
q = json.load(sys.stdin)
t = q["totals"]
row = [sys.argv[1], q["coverage"]["status"], q["currency"]] + [t[p]["gross"] for p in ("consumer", "manufacturer", "retailer")]
print("  {:<44} {:<16} {} {:>10} {:>10} {:>10}".format(*row))
PY
for f in Examples/*.json; do
  case "$f" in *keys*) continue ;; esac
  "$bin" quote "$f" | python3 -c "$summary" "$(basename "$f")"
done
