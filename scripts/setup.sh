#!/usr/bin/env bash
# Installs system packages the build and tests need. Safe to run again.
set -euo pipefail
need_apt=()
command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ] || { echo "Swift 6.3 toolchain not found (expected at /opt/swift)" >&2; exit 1; }
# QuoteMailer links libcurl (CCurl); its tests make a self-signed certificate with openssl.
# export/reprice --xlsx link libxlsxwriter (CXlsxWriter).
# The console's browser tests drive headless Chromium (scripts/e2e/run.sh makes a venv for selenium).
# The PostgreSQL store's tests run a throw-away PostgreSQL cluster (scripts/with_postgres.sh);
# the benchmark compares with pgbench (postgresql-contrib on older Debian, in postgresql since 15).
for pkg in libcurl4-openssl-dev libxlsxwriter-dev openssl chromium chromium-driver python3-venv postgresql; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi
# Rendering tests parse the HTML quotes with html5lib (scripts/check_html.py).
python3 -c 'import html5lib' >/dev/null 2>&1 || python3 -m pip install -q html5lib || python3 -m pip install -q --break-system-packages html5lib
# QuoteMailer's tests run a real SMTP server on loopback (scripts/smtp_test_server.py).
command -v python3 >/dev/null 2>&1 || { echo "python3 not found (needed by the QuoteMailer tests)" >&2; exit 1; }
python3 -c 'import aiosmtpd' >/dev/null 2>&1 || python3 -m pip install -q aiosmtpd || python3 -m pip install -q --break-system-packages aiosmtpd
# The --xlsx tests open the workbooks with openpyxl (scripts/xlsx_cells.py), from a virtual
# environment of the tests' own; they fail, not skip, without it.
venv=.build/test-venv
cd "$(dirname "$0")/.."
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import openpyxl' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q openpyxl
fi
