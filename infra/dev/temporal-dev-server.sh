#!/usr/bin/env bash
# Local Temporal dev server for Firebreak (SQLite-backed, state survives restarts).
#
#   infra/dev/temporal-dev-server.sh        # in one terminal
#   TEMPORAL_ADDRESS=127.0.0.1:7233 java -jar worker/target/firebreak.jar
#
# Temporal UI at http://localhost:8233
# Env: TEMPORAL_PORT (7233), TEMPORAL_UI_PORT (8233), TEMPORAL_DB_FILE
# (<repo>/.tools/temporal-dev.db). Extra args are passed to `temporal server start-dev`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

# Firebreak's custom search attributes (NAME=TYPE), from the one list in infra/.
mapfile -t SEARCH_ATTRIBUTES < <(grep -v '^#' "$ROOT/infra/search-attributes.txt" | grep .)

TEMPORAL="$("$ROOT/infra/dev/install-temporal-cli.sh" | tail -n 1)"
DB_FILE="${TEMPORAL_DB_FILE:-$ROOT/.tools/temporal-dev.db}"
mkdir -p "$(dirname "$DB_FILE")"

args=()
for sa in "${SEARCH_ATTRIBUTES[@]}"; do
  args+=(--search-attribute "$sa")
done

exec "$TEMPORAL" server start-dev \
  --ip 127.0.0.1 \
  --port "${TEMPORAL_PORT:-7233}" \
  --ui-port "${TEMPORAL_UI_PORT:-8233}" \
  --db-filename "$DB_FILE" \
  "${args[@]}" \
  "$@"
