#!/bin/sh
# Waits for Temporal, then registers Firebreak's search attributes (idempotent).
# Runs in the temporal-admin-tools container of compose.yaml; works against any
# cluster too:  TEMPORAL_ADDRESS=127.0.0.1:7233 sh infra/compose/register-search-attributes.sh
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
# NAME=TYPE lines of infra/search-attributes.txt (mounted next to this script in compose).
LIST="${SEARCH_ATTRIBUTES_FILE:-$(dirname "$0")/search-attributes.txt}"
[ -f "$LIST" ] || LIST="$(dirname "$0")/../search-attributes.txt"
SEARCH_ATTRIBUTES="$(grep -v '^#' "$LIST")"

echo "waiting for namespace '$NAMESPACE' at $ADDRESS"
tries=0
until temporal operator namespace describe --namespace "$NAMESPACE" --address "$ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 150 ] || { echo "Temporal not ready after 300s" >&2; exit 1; }
  sleep 2
done

for sa in $SEARCH_ATTRIBUTES; do
  name="${sa%%=*}" type="${sa#*=}"
  if out="$(temporal operator search-attribute create --name "$name" --type "$type" \
      --namespace "$NAMESPACE" --address "$ADDRESS" 2>&1)"; then
    echo "registered $name ($type)"
  elif echo "$out" | grep -qi "already"; then
    echo "exists  $name ($type)"
  else
    echo "$out" >&2
    exit 1
  fi
done
