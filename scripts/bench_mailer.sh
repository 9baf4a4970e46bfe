#!/usr/bin/env bash
# Measures QuoteMailer throughput: COUNT messages over ONE connection to the local aiosmtpd
# test server (plain mode). Usage: bash scripts/bench_mailer.sh [COUNT]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
count="${1:-2000}"
swift build -c release --product quotemailer-bench >/dev/null
dir="$(mktemp -d)"
fifo="$dir/stdin"
mkfifo "$fifo"
# The server exits when its stdin closes: keep the FIFO open on fd 3 until we are done.
python3 scripts/smtp_test_server.py --mode plain --count-only --dir "$dir/out" <"$fifo" >"$dir/ready" &
exec 3>"$fifo"
for _ in $(seq 50); do grep -q READY "$dir/ready" 2>/dev/null && break; sleep 0.1; done
port="$(awk '/READY/ {print $2}' "$dir/ready")"
.build/release/quotemailer-bench "smtp://127.0.0.1:$port" "$count"
echo "server recorded $(cat "$dir/out/count") messages over $(wc -l <"$dir/out/connections.log") connection(s)"
exec 3>&-
wait
rm -rf "$dir"
