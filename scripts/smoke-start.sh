#!/usr/bin/env bash
# Smoke test of the zero-configuration start (README Quick start, ADR 0002): `npm start` with
# DATABASE_URL and REDIS_URL unset, on a temporary data dir and free ports, must answer
# GET /api/v1/health with 200 within 90 s, and stop its embedded PostgreSQL when it is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/klachtregie-smoke-XXXXXX")"
chmod 755 "$DATA_DIR" # as root the embedded PostgreSQL runs as the 'postgres' user, which must reach it
HTTP_PORT="$(free_port)"
PG_PORT="$(free_port)"
LOG="$DATA_DIR/start.log"
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 -- "-$PID" 2>/dev/null; then
    kill -TERM -- "-$PID" 2>/dev/null || true; sleep 5; kill -KILL -- "-$PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

# setsid: its own process group, so stopping it reaches npm, node and nothing else.
env -u DATABASE_URL -u REDIS_URL PORT="$HTTP_PORT" EMBEDDED_POSTGRES_PORT="$PG_PORT" KLACHTREGIE_DATA_DIR="$DATA_DIR/data" \
  setsid npm start >"$LOG" 2>&1 &
PID=$!

START=$(date +%s)
STATUS=""
while [ $(( $(date +%s) - START )) -lt 90 ]; do
  if ! kill -0 "$PID" 2>/dev/null; then echo "npm start exited early:"; cat "$LOG"; exit 1; fi
  STATUS="$(curl -s -o "$DATA_DIR/health.json" -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/api/v1/health" || true)"
  [ "$STATUS" = "200" ] && break
  sleep 1
done
if [ "$STATUS" != "200" ]; then echo "no health 200 within 90 s (last status: ${STATUS:-none}):"; cat "$LOG"; exit 1; fi
echo "health 200 after $(( $(date +%s) - START )) s: $(cat "$DATA_DIR/health.json")"
grep -q '"backend":"postgres"' "$DATA_DIR/health.json" || { echo "expected the queue on PostgreSQL"; exit 1; }

# Stop the whole group (npm, node and the embedded PostgreSQL it spawned) and wait until all are gone:
# npm itself exits at once, node first closes the app and then stops PostgreSQL.
kill -TERM -- "-$PID"
for _ in $(seq 1 30); do kill -0 -- "-$PID" 2>/dev/null || break; sleep 1; done
if kill -0 -- "-$PID" 2>/dev/null; then echo "npm start did not stop within 30 s"; cat "$LOG"; exit 1; fi
PID=""
grep -q 'Embedded PostgreSQL stopped' "$LOG" || { echo "no orderly stop of the embedded PostgreSQL:"; cat "$LOG"; exit 1; }
if [ -e "$DATA_DIR/data/pg/postmaster.pid" ]; then echo "the embedded PostgreSQL is still running after npm start stopped"; cat "$LOG"; exit 1; fi
echo "stopped cleanly; embedded PostgreSQL down"
