#!/usr/bin/env bash
# Offline first load: `neo4j-admin database import full` (the importer on the launcher's classpath,
# org.neo4j.cli.AdminTool) from the files `npm run copy -- --to-neo4j-files <dir>` wrote, into the
# data dir start.sh serves (NEO4J_DATA_DIR / NEO4J_STATE_DIR as for start.sh). The server must be
# stopped. Then: start.sh, and `npm run copy -- --finish-neo4j-import <dir>` (constraints, indexes).
#   usage: import.sh <dir> [extra neo4j-admin import options, e.g. --overwrite-destination --threads=4]
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE_DIR="${NEO4J_STATE_DIR:-$REPO_ROOT/.neo4j}"
DATA_DIR="${NEO4J_DATA_DIR:-$STATE_DIR/data}"
PID_FILE="$STATE_DIR/neo4j.pid"
MAIN_CLASS=vn.citationgraph.neo4j.Launcher
JAR="$SCRIPT_DIR/target/neo4j-launcher.jar"
LIB_DIR="$SCRIPT_DIR/target/lib"

log() { echo "[neo4j-import] $*" >&2; }

[[ $# -ge 1 ]] || { log "usage: import.sh <dir of the import files> [neo4j-admin import options]"; exit 2; }
FILES_DIR="$(cd "$1" && pwd)"
shift
case "$DATA_DIR" in /*) ;; *) DATA_DIR="$REPO_ROOT/$DATA_DIR" ;; esac
[[ -f "$FILES_DIR/import.json" ]] || { log "ERROR: $FILES_DIR/import.json not found: write the files with npm run copy -- --to-neo4j-files $FILES_DIR"; exit 2; }

if [[ -f "$PID_FILE" ]]; then
  PID="$(tr -dc '0-9' <"$PID_FILE" || true)"
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null && ps -ww -p "$PID" -o args= 2>/dev/null | grep -q "$MAIN_CLASS"; then
    log "ERROR: Neo4j is running (pid $PID): stop it first (scripts/neo4j/stop.sh with the same NEO4J_STATE_DIR)"
    exit 1
  fi
fi

if [[ ! -f "$JAR" || ! -d "$LIB_DIR" ]]; then
  command -v mvn >/dev/null 2>&1 || { log "ERROR: mvn not found (Maven 3.8+ and Java 17+ are required)"; exit 1; }
  log "building launcher (mvn package)..."
  mvn -B -q -f "$SCRIPT_DIR/pom.xml" package -DskipTests 2>&1 | sed "s/"$'\033'"\[[0-9;]*m//g" >&2
  touch "$JAR"
fi
command -v java >/dev/null 2>&1 || { log "ERROR: java not found (Java 17+ is required)"; exit 1; }

# one --nodes or --relationships per header file, with its data file (neo4j-files.ts)
INPUTS=()
MULTILINE=()
shopt -s nullglob
for header in "$FILES_DIR"/*.header.csv; do
  data="${header%.header.csv}.csv"
  if head -n 1 "$header" | grep -q ':START_ID'; then
    INPUTS+=("--relationships=$header,$data")
  else
    INPUTS+=("--nodes=$header,$data")
    MULTILINE+=("$data")  # texts, quotes and reasons span lines; relationships never do
  fi
done
[[ ${#INPUTS[@]} -gt 0 ]] || { log "ERROR: no *.header.csv in $FILES_DIR"; exit 2; }

mkdir -p "$DATA_DIR" "$STATE_DIR"
log "importing $FILES_DIR into $DATA_DIR (database neo4j)"
# The launcher's data dir is its Neo4j home: the store goes to $DATA_DIR/data/databases/neo4j.
# U+001F separates list items (neo4j-files.ts, ARRAY_DELIMITER); the read buffer holds the longest text.
NEO4J_HOME="$DATA_DIR" NEO4J_CONF="$DATA_DIR/conf" java "-Xmx${NEO4J_IMPORT_HEAP:-1g}" -cp "$JAR:$LIB_DIR/*" org.neo4j.cli.AdminTool \
  database import full neo4j "$@" \
  --array-delimiter=U+001F \
  --multiline-fields-format=v2 "--multiline-fields=$(IFS=,; echo "${MULTILINE[*]}")" \
  --read-buffer-size="${NEO4J_IMPORT_READ_BUFFER:-32m}" \
  --report-file="$STATE_DIR/import.report" \
  "${INPUTS[@]}"  # last: each takes every word after it as one more file
