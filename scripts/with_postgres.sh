#!/usr/bin/env bash
# Runs a command next to a throw-away PostgreSQL cluster: initdb in a temporary folder (as the
# unprivileged postgres user when run as root, since initdb refuses root), pg_ctl start on a free
# loopback port (127.0.0.1 only, the socket in the same folder), then the command with
#   REPAIRQUOTE_TEST_PG_URL=postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres
#   REPAIRQUOTE_PG_BIN=/usr/lib/postgresql/15/bin
# in its environment. The cluster is stopped (pg_ctl -D, its own) and the folder removed when the
# command ends, whatever the outcome. Exits with the command's status.
#   bash scripts/with_postgres.sh swift test --skip-build --filter QuoteStoreTests
set -euo pipefail
if [ $# -eq 0 ]; then echo "usage: with_postgres.sh COMMAND [ARG...]" >&2; exit 2; fi
bin="${REPAIRQUOTE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "with_postgres: PostgreSQL's initdb and pg_ctl not found under /usr/lib/postgresql/*/bin (apt-get install postgresql, or bash scripts/setup.sh)" >&2
  exit 1
fi
dir="$(mktemp -d /tmp/repairquote-pg.XXXXXX)"
chmod 755 "$dir"
as_owner=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "with_postgres: running as root but there is no postgres user to run initdb as" >&2; rm -rf "$dir"; exit 1; }
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
password="rq-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
started=0
stop_cluster() {
  status=$?
  if [ "$started" = 1 ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
printf '%s\n' "$password" > "$dir/pwfile"
chmod 600 "$dir/pwfile"
[ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
  echo "with_postgres: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 1
fi
rm -f "$dir/pwfile"
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300 -c synchronous_commit=on" \
    start >/dev/null; then
  echo "with_postgres: PostgreSQL did not start:" >&2; cat "$dir/server.log" >&2; exit 1
fi
started=1
export REPAIRQUOTE_TEST_PG_URL="postgres://postgres:$password@127.0.0.1:$port/postgres?sslmode=disable"
export REPAIRQUOTE_PG_BIN="$bin"
echo "with_postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
set +e
"$@"
