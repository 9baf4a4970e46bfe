#!/usr/bin/env bash
# Installs system packages the build and tests need. Safe to run again.
set -euo pipefail
need_apt=()
command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ] || { echo "Swift 6.3 toolchain not found (expected at /opt/swift)" >&2; exit 1; }
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi
# Rendering tests parse the HTML quotes with html5lib (scripts/check_html.py).
python3 -m pip install -q html5lib
