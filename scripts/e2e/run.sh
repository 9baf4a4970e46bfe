#!/usr/bin/env bash
# The browser tests, the console's, the customer link's, the layout's, then accessibility's: headless Chromium
# through Selenium (a virtual environment under .build/e2e-venv). Needs a built repairquote
# (swift build). Never skips: a missing browser fails.
# Usage: bash scripts/e2e/run.sh [--screenshots docs/images]
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/e2e-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q selenium
fi
command -v chromium >/dev/null 2>&1 || { echo "console e2e: chromium is not installed (bash scripts/setup.sh installs it)" >&2; exit 1; }
command -v chromedriver >/dev/null 2>&1 || { echo "console e2e: chromedriver is not installed (Debian package chromium-driver)" >&2; exit 1; }
[ -s .build/axe/axe.min.js ] || { echo "console e2e: .build/axe/axe.min.js is missing (bash scripts/setup.sh takes it from PyPI)" >&2; exit 1; }
status=0
"$venv/bin/python" scripts/e2e/console_test.py --bin .build/debug/repairquote "$@" || status=1
# The console all day (#26): labels in zh-Hant, the list's filters, orders, payers and CSV, the default market.
"$venv/bin/python" scripts/e2e/console_list_test.py --bin .build/debug/repairquote "$@" || status=1
# The customer link in a browser without a console session: accept, reject, cross-site refusal.
"$venv/bin/python" scripts/e2e/customer_test.py --bin .build/debug/repairquote "$@" || status=1
# The finance reports page: filters by clicking, a bad month beside its field, a retailer's own quotes.
"$venv/bin/python" scripts/e2e/reports_test.py --bin .build/debug/repairquote "$@" || status=1
# Layout at 320, 400 and 1280 px: the customer page's tables (NL, zh-Hant), the document in the console.
"$venv/bin/python" scripts/e2e/layout_test.py --bin .build/debug/repairquote "$@" || status=1
# Accessibility: axe-core on every page type (en, nl, zh-Hant; 1280 and 400 px), the keyboard alone,
# and what axe cannot see (reflow, zoom, language, motion, targets, the session's time limit).
"$venv/bin/python" scripts/e2e/a11y_test.py --bin .build/debug/repairquote "$@" || status=1
"$venv/bin/python" scripts/e2e/keyboard_test.py --bin .build/debug/repairquote "$@" || status=1
"$venv/bin/python" scripts/e2e/pages_a11y_test.py --bin .build/debug/repairquote "$@" || status=1
exit $status
