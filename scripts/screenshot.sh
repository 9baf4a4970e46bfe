#!/usr/bin/env bash
# Renders an HTML file to a PNG with headless Chromium, to look at a quote as a browser shows it.
# Usage: scripts/screenshot.sh FILE.html OUT.png [WIDTHxHEIGHT]   (default 900x1400)
# Needs chromium (apt-get install -y chromium; fonts-noto-cjk for Chinese). Not part of the CI run.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 FILE.html OUT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
size="${3:-900x1400}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "chromium not found: apt-get install -y chromium" >&2
  exit 3
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$out" --window-size="${size/x/,}" "file://$file" 2>/dev/null
echo "$out"
