#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then stops and deletes the cluster.
#
#   scripts/test-postgres.sh npx vitest run --project integration tests/integration/db
#
# Needs the PostgreSQL server binaries (Debian/Ubuntu: `apt-get install postgresql`); PG_BIN may
# point at their directory. The cluster lives in a temp dir, listens on 127.0.0.1 at a free port,
# trusts local connections, and runs with fsync off: it is for tests only. The command gets
# TEST_DATABASE_URL (a database it may use; tests create and drop their own databases through it).
# Exit status is the command's. Nothing is left running, even on Ctrl-C.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args...]   (runs <command> with TEST_DATABASE_URL set)" >&2
  exit 2
fi

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$newest" ]]; then echo "$newest"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  echo "test-postgres: no PostgreSQL server binaries found (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
}
BIN=$(find_bin)

# initdb refuses to run as root, so as root the cluster belongs to the postgres user.
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || { echo "test-postgres: running as root needs a 'postgres' user" >&2; exit 1; }
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gorgias-desk-pg.XXXXXX")
DATA="$WORK/data"
[[ $(id -u) -eq 0 ]] && chown postgres: "$WORK"

started=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ $started -eq 1 ]]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 ||
  { cat "$WORK/initdb.log" >&2; exit 1; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

for attempt in 1 2 3; do
  PORT=$(free_port)
  # Unix socket in the private work dir, so no system-wide /var/run/postgresql is needed.
  if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 30 \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    started=1
    break
  fi
  started=1 # A half-started server must still be stopped.
  as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  started=0
  [[ $attempt -eq 3 ]] && { cat "$WORK/server.log" >&2; exit 1; }
done

as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres gorgias_desk_test

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/gorgias_desk_test"
echo "test-postgres: $("$BIN/postgres" --version) on port $PORT; TEST_DATABASE_URL=$TEST_DATABASE_URL" >&2

# In the background and waited for, because bash defers traps until a foreground child exits:
# a CI timeout's SIGTERM must stop the command and the server now, not when the command finishes.
child=0
forward() {
  local sig=$1 code=$2
  if [[ $child -ne 0 ]]; then
    kill "-$sig" "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit "$code"
}
trap 'forward INT 130' INT
trap 'forward TERM 143' TERM
"$@" &
child=$!
set +e
wait "$child"
status=$?
set -e
child=0
exit "$status"
