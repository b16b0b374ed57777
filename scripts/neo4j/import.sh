#!/usr/bin/env bash
# Offline first load: `neo4j-admin database import full` (the importer on the launcher's classpath,
# org.neo4j.cli.AdminTool) from the files `npm run copy -- --to-neo4j-files <dir>` wrote, into the
# data dir start.sh serves (NEO4J_DATA_DIR / NEO4J_STATE_DIR as for start.sh). The server must be
# stopped. Then: start.sh, and `npm run copy -- --finish-neo4j-import <dir>` (constraints, indexes).
#   usage: import.sh <dir> [extra neo4j-admin import options, e.g. --overwrite-destination --threads=4]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

log() { echo "[neo4j-import] $*" >&2; }

[[ $# -ge 1 ]] || { log "usage: import.sh <dir of the import files> [neo4j-admin import options]"; exit 2; }
FILES_DIR="$(cd "$1" && pwd)"
shift
[[ -f "$FILES_DIR/import.json" ]] || { log "ERROR: $FILES_DIR/import.json not found: write the files with npm run copy -- --to-neo4j-files $FILES_DIR"; exit 2; }

if [[ -f "$PID_FILE" ]]; then
  PID="$(tr -dc '0-9' <"$PID_FILE" || true)"
  if is_launcher "$PID"; then
    log "ERROR: Neo4j is running (pid $PID): stop it first (scripts/neo4j/stop.sh with the same NEO4J_STATE_DIR)"
    exit 1
  fi
fi

build_launcher

# one --nodes or --relationships per header file, with its data file (neo4j-files.ts)
INPUTS=()
shopt -s nullglob
for header in "$FILES_DIR"/*.header.csv; do
  data="${header%.header.csv}.csv"
  if head -n 1 "$header" | grep -q ':START_ID'; then
    INPUTS+=("--relationships=$header,$data")
  else
    INPUTS+=("--nodes=$header,$data")
  fi
done
[[ ${#INPUTS[@]} -gt 0 ]] || { log "ERROR: no *.header.csv in $FILES_DIR"; exit 2; }

mkdir -p "$DATA_DIR" "$STATE_DIR"
log "importing $FILES_DIR into $DATA_DIR (database neo4j)"
# The launcher's data dir is its Neo4j home: the store goes to $DATA_DIR/data/databases/neo4j.
# U+001F separates list items (neo4j-files.ts, ARRAY_DELIMITER); the read buffer holds the longest text.
# Texts, quotes and reasons span lines. Not --multiline-fields-format=v2: it cuts a file bigger than
# the read buffer into chunks at line ends that can fall inside a text, and fails ("Error in input
# data") from 100k documents on; the sequential reader (v1) took 37 s for the 100k files here.
NEO4J_HOME="$DATA_DIR" NEO4J_CONF="$DATA_DIR/conf" java "-Xmx${NEO4J_IMPORT_HEAP:-1g}" -cp "$JAR:$LIB_DIR/*" org.neo4j.cli.AdminTool \
  database import full neo4j "$@" \
  --array-delimiter=U+001F \
  --multiline-fields=true \
  --read-buffer-size="${NEO4J_IMPORT_READ_BUFFER:-32m}" \
  --report-file="$STATE_DIR/import.report" \
  "${INPUTS[@]}"  # last: each takes every word after it as one more file
