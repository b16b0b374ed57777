#!/usr/bin/env bash
# Stop the embedded Neo4j started by scripts/neo4j/start.sh: SIGTERM (clean shutdown), wait up to
# NEO4J_STOP_TIMEOUT seconds (default 60), then SIGKILL. Succeeds if it is not running.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

log() { echo "[neo4j] $*" >&2; }

if [[ ! -f "$PID_FILE" ]]; then
  log "not running (no pid file)"
  exit 0
fi

PID="$(tr -dc '0-9' <"$PID_FILE" || true)"
if [[ -z "$PID" ]] || ! kill -0 "$PID" 2>/dev/null; then
  log "not running (stale pid file removed)"
  rm -f "$PID_FILE"
  exit 0
fi
if ! ps -ww -p "$PID" -o args= 2>/dev/null | grep -q "$MAIN_CLASS"; then
  log "pid $PID is not the Neo4j launcher (pid reused?); removing stale pid file"
  rm -f "$PID_FILE"
  exit 0
fi

log "stopping Neo4j (pid $PID)..."
kill -TERM "$PID" 2>/dev/null || true
SECONDS=0
while kill -0 "$PID" 2>/dev/null && ((SECONDS < TIMEOUT)); do
  sleep 0.2
done
if kill -0 "$PID" 2>/dev/null; then
  log "still running after ${TIMEOUT}s, sending SIGKILL"
  kill -KILL "$PID" 2>/dev/null || true
  while kill -0 "$PID" 2>/dev/null; do sleep 0.2; done
  log "killed (the next start will run store recovery)"
else
  log "stopped after ${SECONDS}s"
fi
rm -f "$PID_FILE"
