#!/usr/bin/env bash
# The browser tests, the console's then the customer link's: headless Chromium through Selenium (a
# virtual environment under .build/e2e-venv). Needs a built repairquote (swift build). Never skips:
# a missing browser fails.
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
status=0
"$venv/bin/python" scripts/e2e/console_test.py --bin .build/debug/repairquote "$@" || status=1
# The customer link in a browser without a console session: accept, reject, cross-site refusal.
"$venv/bin/python" scripts/e2e/customer_test.py --bin .build/debug/repairquote "$@" || status=1
exit $status
