#!/usr/bin/env bash
# The main job on the shipped sample data: builds repairquote, quotes every example case and writes
# two of them as PDF documents.
# Usage: bash scripts/demo.sh [CASE.json]   (one case in full, else a one-line summary of every example,
#        then the web console on http://127.0.0.1:8080/console with a demo user; --no-console skips it)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
bash scripts/setup.sh
swift build --product repairquote >&2
bin=.build/debug/repairquote
console=1
if [ "${1:-}" = "--no-console" ]; then console=0; shift; fi
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
# The Dutch and Hong Kong quotes as PDF documents, as a customer receives them.
pdf_dir=$(mktemp -d)
"$bin" quote Examples/nl-out-of-warranty.json --format pdf --output "$pdf_dir/nl-out-of-warranty.pdf"
"$bin" quote Examples/hk-out-of-warranty.json --format pdf --output "$pdf_dir/hk-out-of-warranty.pdf"
echo
echo "PDF documents: $pdf_dir/nl-out-of-warranty.pdf  $pdf_dir/hk-out-of-warranty.pdf"
[ "$console" = 1 ] || exit 0
# The web console with a demo user (a fresh password each run), until Ctrl-C.
demo_dir=$(mktemp -d)
password=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-16)
printf '%s\n' "$password" | "$bin" users add demo --role service-center --users "$demo_dir/users.json" --password-stdin >/dev/null
port=${PORT:-8080}
echo
echo "Web console: http://127.0.0.1:$port/console   user: demo   password: $password   (Ctrl-C stops it)"
exec "$bin" serve --port "$port" --db "$demo_dir/quotes.sqlite" --users "$demo_dir/users.json"
