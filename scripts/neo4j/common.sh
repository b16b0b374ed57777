# Shared by start.sh, stop.sh and import.sh (sourced, not run): where the launcher, its state and
# its data live, whether a pid is our launcher, and building the launcher. Callers define log().
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE_DIR="${NEO4J_STATE_DIR:-$REPO_ROOT/.neo4j}"
PID_FILE="$STATE_DIR/neo4j.pid"
DATA_DIR="${NEO4J_DATA_DIR:-$STATE_DIR/data}"
case "$DATA_DIR" in /*) ;; *) DATA_DIR="$REPO_ROOT/$DATA_DIR" ;; esac
MAIN_CLASS=vn.citationgraph.neo4j.Launcher
JAR="$SCRIPT_DIR/target/neo4j-launcher.jar"
LIB_DIR="$SCRIPT_DIR/target/lib"

# Is $1 a live process running our launcher? (guards against pid reuse)
is_launcher() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && ps -ww -p "$1" -o args= 2>/dev/null | grep -q "$MAIN_CLASS"
}

# Build the launcher and its jars if missing or out of date.
build_launcher() {
  if [[ ! -f "$JAR" || ! -d "$LIB_DIR" ]] || [[ -n "$(find "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" -newer "$JAR" -print -quit)" ]]; then
    command -v mvn >/dev/null 2>&1 || { log "ERROR: mvn not found (Maven 3.8+ and Java 17+ are required)"; exit 1; }
    log "building launcher (mvn package)..."
    rm -rf "$LIB_DIR"  # drop jars of a previous Neo4j version
    # (the sed strips stray ANSI reset codes that Debian's Maven 3.8 prints even with -B -q)
    mvn -B -q -f "$SCRIPT_DIR/pom.xml" package -DskipTests 2>&1 | sed "s/"$'\033'"\[[0-9;]*m//g" >&2
    touch "$JAR"
  fi
  command -v java >/dev/null 2>&1 || { log "ERROR: java not found (Java 17+ is required)"; exit 1; }
}
