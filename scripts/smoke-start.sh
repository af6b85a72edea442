#!/usr/bin/env bash
# Smoke test of the zero-configuration start (README Quick start, ADR 0002): `npm start` with
# DATABASE_URL and REDIS_URL unset must answer GET /api/v1/health with 200 within 90 s, write its
# log as JSON lines (stdout is no terminal here), and stop its embedded PostgreSQL when stopped.
# Two instances run side by side: one on given free ports, one with no configuration at all (no
# PORT, no EMBEDDED_POSTGRES_PORT), which must find free ports by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/klachtregie-smoke-XXXXXX")"
chmod 755 "$WORK" # as root the embedded PostgreSQL runs as the 'postgres' user, which must reach it
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    if kill -0 -- "-$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || true; sleep 5; kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# setsid: its own process group, so stopping it reaches npm, node and nothing else.
start() { # name, then extra env assignments
  local name="$1"; shift
  mkdir -p "$WORK/$name"
  env -u DATABASE_URL -u REDIS_URL -u PORT -u EMBEDDED_POSTGRES_PORT -u LOG_FORMAT KLACHTREGIE_DATA_DIR="$WORK/$name/data" "$@" \
    setsid npm start >"$WORK/$name/start.log" 2>&1 &
  PIDS+=("$!")
}

wait_health() { # name, pid, port-or-empty (empty: read the port from the 'Listening on' log line)
  local name="$1" pid="$2" port="$3" start status=""
  start=$(date +%s)
  while [ $(( $(date +%s) - start )) -lt 90 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name: npm start exited early:"; cat "$WORK/$name/start.log"; exit 1; fi
    if [ -z "$port" ]; then port="$(grep -o 'Listening on http://localhost:[0-9]*' "$WORK/$name/start.log" | head -1 | grep -o '[0-9]*$' || true)"; fi
    if [ -n "$port" ]; then
      status="$(curl -s -o "$WORK/$name/health.json" -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health" || true)"
      [ "$status" = "200" ] && break
    fi
    sleep 1
  done
  if [ "$status" != "200" ]; then echo "$name: no health 200 within 90 s (last status: ${status:-none}):"; cat "$WORK/$name/start.log"; exit 1; fi
  echo "$name: health 200 on port $port after $(( $(date +%s) - start )) s: $(cat "$WORK/$name/health.json")"
  grep -q '"backend":"postgres"' "$WORK/$name/health.json" || { echo "$name: expected the queue on PostgreSQL"; exit 1; }
}

HTTP_PORT="$(free_port)"
start configured PORT="$HTTP_PORT" EMBEDDED_POSTGRES_PORT="$(free_port)"
start zero
wait_health configured "${PIDS[0]}" "$HTTP_PORT"
wait_health zero "${PIDS[1]}" ""

for name in configured zero; do
  # Every line node wrote is one JSON object with an ISO 8601 UTC time (npm's own '> ...' banner aside).
  node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter((l) => l && !l.startsWith(">"));
    for (const l of lines) {
      if (l.includes("\u001b[")) throw new Error("ANSI colour in a log file: " + l);
      const j = JSON.parse(l);
      if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(j.time) || !j.level || !j.msg) throw new Error("not a log event: " + l);
    }
    if (lines.length > 25) throw new Error(`boot is not quiet: ${lines.length} lines`);
    console.log(`'"$name"': ${lines.length} JSON log lines, no colours`);
  ' "$WORK/$name/start.log" || { cat "$WORK/$name/start.log"; exit 1; }
done

# Stop each group (npm, node and the embedded PostgreSQL it spawned) and wait until all are gone:
# npm itself exits at once, node first closes the app and then stops PostgreSQL.
i=0
for name in configured zero; do
  pid="${PIDS[$i]}"; i=$((i + 1))
  kill -TERM -- "-$pid"
  for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 -- "-$pid" 2>/dev/null; then echo "$name: npm start did not stop within 30 s"; cat "$WORK/$name/start.log"; exit 1; fi
  grep -q 'Embedded PostgreSQL stopped' "$WORK/$name/start.log" || { echo "$name: no orderly stop of the embedded PostgreSQL:"; cat "$WORK/$name/start.log"; exit 1; }
  if [ -e "$WORK/$name/data/pg/postmaster.pid" ]; then echo "$name: the embedded PostgreSQL is still running after npm start stopped"; exit 1; fi
  echo "$name: stopped cleanly; embedded PostgreSQL down"
done
PIDS=()
