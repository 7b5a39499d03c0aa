#!/usr/bin/env bash
# The README's run command: Firebreak with Temporal UI, keeping its state in one folder.
#
#   infra/dev/run.sh                 # then http://localhost:8080 and Temporal UI at http://localhost:8233
#
# It provisions the Temporal CLI (infra/dev/install-temporal-cli.sh), starts
# `temporal server start-dev` (UI, SQLite file FIREBREAK_DATA_DIR/temporal.db, Firebreak's search
# attributes), builds the jar if it is missing, and runs Firebreak on an embedded PostgreSQL whose
# data directory is FIREBREAK_DATA_DIR/postgres. Incidents, alerts, configuration and running
# workflows survive a restart. Without the Temporal CLI it falls back to Temporal's in-process
# server, and says so: then workflows do not survive a restart. Ctrl-C or SIGTERM stops every
# process it started.
#
# Env: SERVER_PORT (8080), TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233),
#      FIREBREAK_DATA_DIR (./data), FIREBREAK_TEMPORAL_CLI (a CLI to use instead of provisioning),
#      JAVA_OPTS, FIREBREAK_JAR (worker/target/firebreak.jar),
#      FIREBREAK_CLASSPATH (tests: run dev.firebreak.worker.FirebreakApplication from it, no jar).
# Extra args go to Firebreak (e.g. --logging.level.dev.firebreak=debug).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVER_PORT="${SERVER_PORT:-8080}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
DATA="${FIREBREAK_DATA_DIR:-data}"
mkdir -p "$DATA"
DATA="$(cd "$DATA" && pwd)"
JAR="${FIREBREAK_JAR:-$ROOT/worker/target/firebreak.jar}"

say() { echo "run.sh: $*" >&2; }

temporal_pid=""
firebreak_pid=""
stopping=""

# Stops what this script started, Firebreak first (it drains its workers), then Temporal.
stop() {
  [[ -n "$stopping" ]] && return
  stopping=1
  for pid in $firebreak_pid $temporal_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  [[ -n "$firebreak_pid$temporal_pid" ]] && say "stopped"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. The Temporal CLI: given, provisioned under .tools/, or none (in-process fallback).
TEMPORAL="${FIREBREAK_TEMPORAL_CLI:-}"
if [[ -z "$TEMPORAL" ]]; then
  TEMPORAL="$("$ROOT/infra/dev/install-temporal-cli.sh" | tail -n 1)" || TEMPORAL=""
fi
if [[ -n "$TEMPORAL" ]] && ! "$TEMPORAL" --version >/dev/null 2>&1; then
  say "the Temporal CLI at $TEMPORAL does not run"
  TEMPORAL=""
fi

# 2. The jar, built once.
if [[ -z "${FIREBREAK_CLASSPATH:-}" && ! -f "$JAR" ]]; then
  say "building $JAR (once)"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi

# 3. Temporal's dev server with its UI, its state in the data folder.
if [[ -n "$TEMPORAL" ]]; then
  args=()
  while read -r sa; do
    [[ -n "$sa" && "$sa" != \#* ]] && args+=(--search-attribute "$sa")
  done < "$ROOT/infra/search-attributes.txt"
  "$TEMPORAL" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$DATA/temporal.db" --log-level warn \
    "${args[@]}" >>"$DATA/temporal.log" 2>&1 &
  temporal_pid=$!
  for _ in $(seq 1 300); do
    kill -0 "$temporal_pid" 2>/dev/null || { say "temporal server start-dev exited; see $DATA/temporal.log"; tail -n 20 "$DATA/temporal.log" >&2; exit 1; }
    "$TEMPORAL" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null 2>&1 && break
    sleep 0.2
  done
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-http://localhost:$TEMPORAL_UI_PORT}"
  say "Temporal dev server on $TEMPORAL_ADDRESS (pid $temporal_pid), Temporal UI on $TEMPORAL_UI_URL, state in $DATA/temporal.db"
else
  unset TEMPORAL_ADDRESS
  say "WARNING: the Temporal CLI could not be had: falling back to Temporal's in-process server."
  say "WARNING: no Temporal UI, and running workflows do NOT survive a restart (PostgreSQL data does)."
fi

# 4. Firebreak on an embedded PostgreSQL kept in the data folder.
export FIREBREAK_DATA_DIR="$DATA" SERVER_PORT
unset DATABASE_URL
say "Firebreak on http://localhost:$SERVER_PORT, PostgreSQL data in $DATA/postgres, log on this terminal"
# shellcheck disable=SC2086
if [[ -n "${FIREBREAK_CLASSPATH:-}" ]]; then
  java ${JAVA_OPTS:-} -cp "$FIREBREAK_CLASSPATH" dev.firebreak.worker.FirebreakApplication "$@" &
else
  java ${JAVA_OPTS:-} -jar "$JAR" "$@" &
fi
firebreak_pid=$!

# Runs until Firebreak or Temporal ends (or a signal arrives); then stops the other.
set +e
if [[ -n "$temporal_pid" ]]; then
  wait -n "$firebreak_pid" "$temporal_pid"
else
  wait "$firebreak_pid"
fi
status=$?
kill -0 "$temporal_pid" 2>/dev/null || [[ -z "$temporal_pid" ]] || say "Temporal stopped; stopping Firebreak"
exit "$status"
