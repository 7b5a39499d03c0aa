#!/usr/bin/env bash
# Runs every test of the project: provisions the Temporal CLI (used by the
# integration tests via FIREBREAK_TEMPORAL_CLI), then `mvnw verify`.
# Extra args go to Maven, e.g. infra/dev/test.sh -pl workflows -am
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

FIREBREAK_TEMPORAL_CLI="$("$ROOT/infra/dev/install-temporal-cli.sh" | tail -n 1)"
export FIREBREAK_TEMPORAL_CLI

cd "$ROOT"
exec ./mvnw -B -ntp verify "$@"
