#!/usr/bin/env bash
# Start an embedded Neo4j 5.26 Community server (Bolt only, 127.0.0.1) in the background.
# Builds the Java launcher with Maven first if needed. Idempotent. See scripts/neo4j/README.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
LOG_FILE="$STATE_DIR/neo4j.log"
PORT="${NEO4J_BOLT_PORT:-7687}"
HEAP="${NEO4J_HEAP:-1g}"
TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
HOST=127.0.0.1
URI="bolt://$HOST:$PORT"

log() { echo "[neo4j] $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

mkdir -p "$STATE_DIR"

# Serialize concurrent start.sh invocations (e.g. parallel test workers) where flock exists.
if command -v flock >/dev/null 2>&1; then
  # (fd 9 is closed for the java child below, otherwise the server would hold the lock forever)
  exec 9>"$STATE_DIR/start.lock"
  flock 9
fi

# --- already running? ---------------------------------------------------------------------------
if [[ -f "$PID_FILE" ]]; then
  OLD_PID="$(tr -dc '0-9' <"$PID_FILE" || true)"
  if is_launcher "$OLD_PID"; then
    if port_open; then
      log "already running (pid $OLD_PID)"
      echo "$URI"
      exit 0
    fi
    log "process $OLD_PID is alive but $HOST:$PORT is not open yet (still starting, or started on another port); waiting"
    START_PID="$OLD_PID"
  else
    log "removing stale pid file (pid ${OLD_PID:-?} not running)"
    rm -f "$PID_FILE"
  fi
fi

if [[ -z "${START_PID:-}" ]]; then
  if port_open; then
    log "ERROR: $HOST:$PORT is already in use by another process (not started by this script)."
    log "Stop it or choose another port with NEO4J_BOLT_PORT."
    exit 1
  fi

  # --- build the launcher if missing or out of date -----------------------------------------------
  build_launcher

  # JVM options mirror the ones Neo4j's own startup script uses. The --add-opens flags are not
  # strictly needed on Java 17 but, without them, the page cache and transaction log native
  # access fall back to slower code paths (see warnings in $DATA_DIR/logs/debug.log).
  JVM_OPTS=(
    "-Xms$HEAP" "-Xmx$HEAP"
    -XX:+UseG1GC
    -XX:-OmitStackTraceInFastThrow
    -XX:+DisableExplicitGC
    -XX:+ExitOnOutOfMemoryError
    -Djdk.nio.maxCachedBufferSize=1024
    -Dio.netty.tryReflectionSetAccessible=true
    -Dfile.encoding=UTF-8
    -Dlog4j2.disable.jmx=true
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
  )
  # shellcheck disable=SC2206
  [[ -n "${NEO4J_JAVA_OPTS:-}" ]] && JVM_OPTS+=(${NEO4J_JAVA_OPTS})

  LOG_OFFSET=0
  [[ -f "$LOG_FILE" ]] && LOG_OFFSET="$(wc -l <"$LOG_FILE")"
  echo "===== $(date -u +%Y-%m-%dT%H:%M:%SZ) start.sh: starting Neo4j on $URI, data $DATA_DIR, heap $HEAP =====" >>"$LOG_FILE"

  log "starting Neo4j on $URI (data: $DATA_DIR, heap: $HEAP, log: $LOG_FILE)"
  NEO4J_BOLT_PORT="$PORT" NEO4J_DATA_DIR="$DATA_DIR" NEO4J_PID_FILE="$PID_FILE" \
    nohup java "${JVM_OPTS[@]}" -cp "$JAR:$LIB_DIR/*" "$MAIN_CLASS" \
      --port "$PORT" --data-dir "$DATA_DIR" --pid-file "$PID_FILE" \
      </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  START_PID=$!
  echo "$START_PID" >"$PID_FILE"
else
  # Waiting for a launcher started earlier: only consider log lines after its start marker.
  LOG_OFFSET="$(grep -n '^===== ' "$LOG_FILE" 2>/dev/null | tail -n 1 | cut -d: -f1 || true)"
  LOG_OFFSET="${LOG_OFFSET:-0}"
fi

# --- wait for readiness: READY line in the log (printed once the password is set) + port open -----
fail() {
  log "ERROR: $*"
  log "---- last 40 lines of $LOG_FILE ----"
  tail -n 40 "$LOG_FILE" >&2 || true
  if is_launcher "$START_PID"; then
    kill -TERM "$START_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$START_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$START_PID" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  exit 1
}

SECONDS=0
while :; do
  if tail -n "+$((LOG_OFFSET + 1))" "$LOG_FILE" 2>/dev/null | grep -q "^NEO4J READY bolt://$HOST:$PORT"; then
    port_open && break
  fi
  if tail -n "+$((LOG_OFFSET + 1))" "$LOG_FILE" 2>/dev/null | grep -q "^NEO4J FAILED"; then
    fail "launcher reported a startup failure"
  fi
  kill -0 "$START_PID" 2>/dev/null || fail "Neo4j process $START_PID exited during startup"
  ((SECONDS < TIMEOUT)) || fail "Neo4j did not become ready within ${TIMEOUT}s"
  sleep 0.5
done

log "ready after ${SECONDS}s (pid $START_PID)"
echo "$URI"
