#!/usr/bin/env bash
# The browser tests, the console's, the customer link's, the layout's, then accessibility's: headless Chromium
# through Selenium (a virtual environment under .build/e2e-venv). Needs a built repairquote
# (swift build). Never skips: a missing browser fails.
# Usage: bash scripts/e2e/run.sh [--screenshots docs/images] [--skip SUITE]...
#   --skip a11y leaves out one suite (scripts/e2e/SUITE_test.py); docs/benchmarks.md times the suite
#   with and without the axe run this way.
set -euo pipefail
cd "$(dirname "$0")/../.."
skip=" "
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip) [ $# -ge 2 ] || { echo "e2e: --skip needs a suite name" >&2; exit 2; }
            [ -f "scripts/e2e/$2_test.py" ] || { echo "e2e: --skip $2: no scripts/e2e/$2_test.py" >&2; exit 2; }
            skip+="$2 "; shift 2 ;;
    *) pass+=("$1"); shift ;;
  esac
done
venv=.build/e2e-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q selenium
fi
command -v chromium >/dev/null 2>&1 || { echo "console e2e: chromium is not installed (bash scripts/setup.sh installs it)" >&2; exit 1; }
command -v chromedriver >/dev/null 2>&1 || { echo "console e2e: chromedriver is not installed (Debian package chromium-driver)" >&2; exit 1; }
[ -s .build/axe/axe.min.js ] || { echo "console e2e: .build/axe/axe.min.js is missing (bash scripts/setup.sh takes it from PyPI)" >&2; exit 1; }
status=0
suite() {  # suite NAME: runs scripts/e2e/NAME_test.py unless skipped, timing it
  local name=$1 started=$SECONDS
  case "$skip" in *" $name "*) echo "e2e: $name skipped (--skip)"; return 0 ;; esac
  "$venv/bin/python" "scripts/e2e/${name}_test.py" --bin .build/debug/repairquote ${pass[@]+"${pass[@]}"} || status=1
  echo "e2e: $name took $((SECONDS - started)) s"
}
suite console
# The console all day (#26): labels in zh-Hant, the list's filters, orders, payers and CSV, the default market.
suite console_list
# The customer link in a browser without a console session: accept, reject, cross-site refusal.
suite customer
# The finance reports page: filters by clicking, a bad month beside its field, a retailer's own quotes.
suite reports
# Layout at 320, 400 and 1280 px: the customer page's tables (NL, zh-Hant), the document in the console.
suite layout
# Accessibility: axe-core on every page type (en, nl, zh-Hant; 1280 and 400 px), the keyboard alone,
# and what axe cannot see (reflow, zoom, language, motion, targets, the session's time limit).
suite a11y
suite keyboard
suite pages_a11y
echo "e2e: all suites took $SECONDS s"
exit $status
