#!/usr/bin/env bash
# Tests scripts/setup.sh with a fake apt-get and dpkg (first in PATH, nothing is installed): one
# line per step on stdout, the tools' output in the log only, and on failure the log's last 30
# lines and a non-zero exit. Run after a real setup.sh (the Python steps are then "already there").
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_setup: $*" >&2; exit 1; }
mkdir "$tmp/bin"
cat > "$tmp/bin/apt-get" <<'FAKE'
#!/usr/bin/env bash
for i in $(seq 1 100); do echo "apt-get $1 line $i"; done
[ "$1" = update ] || exit "${FAKE_APT_STATUS:-0}"
FAKE
printf '#!/bin/sh\nexit 1\n' > "$tmp/bin/dpkg"                # every package is missing
printf '#!/bin/sh\nexec "$@"\n' > "$tmp/bin/sudo"
chmod +x "$tmp/bin/"*
run() { PATH="$tmp/bin:$PATH" REPAIRQUOTE_SETUP_LOG="$tmp/setup.log" bash scripts/setup.sh >"$tmp/out" 2>"$tmp/err"; }

run || fail "exit $? with a working apt-get: $(head -n 8 "$tmp/out" "$tmp/err")"
[ "$(wc -l < "$tmp/out")" -eq 5 ] || fail "expected 5 lines (one per step), got: $(head -n 8 "$tmp/out")"
grep -Eq '^Debian packages: installing libcurl4-openssl-dev .* poppler-utils … done in [0-9]+s$' "$tmp/out" \
  || fail "no timed apt line in: $(head -n 8 "$tmp/out")"
grep -q 'apt-get' "$tmp/out" "$tmp/err" && fail "apt-get output on the terminal: $(head -n 8 "$tmp/out")"
grep -q '^apt-get install line 100$' "$tmp/setup.log" || fail "apt-get output not in the log"

if FAKE_APT_STATUS=100 run; then fail "a failing apt-get exited 0"; fi
grep -Eq '^Debian packages: installing .* … failed after [0-9]+s \(exit 100\)$' "$tmp/out" \
  || fail "no failure line in: $(head -n 8 "$tmp/out")"
grep -q '^apt-get install line 71$' "$tmp/err" && grep -q '^apt-get install line 100$' "$tmp/err" \
  || fail "the log's last lines are not shown: $(head -n 8 "$tmp/err")"
grep -q '^apt-get install line 70$' "$tmp/err" && fail "more than the last 30 lines shown"
[ "$(wc -l < "$tmp/out")" -eq 2 ] || fail "steps ran after the failure: $(head -n 8 "$tmp/out")"
echo "setup.sh: one line per step, output in the log, the log's tail and exit status on failure"
