#!/usr/bin/env bash
# Runs every test of the project: provisions the Temporal CLI (used by the
# integration tests via FIREBREAK_TEMPORAL_CLI) and schemathesis (the OpenAPI
# contract test, via FIREBREAK_SCHEMATHESIS), then `mvnw verify`.
# Extra args go to Maven, e.g. infra/dev/test.sh -pl workflows -am
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

FIREBREAK_TEMPORAL_CLI="$("$ROOT/infra/dev/install-temporal-cli.sh" | tail -n 1)"
export FIREBREAK_TEMPORAL_CLI

FIREBREAK_SCHEMATHESIS="$("$ROOT/infra/dev/install-schemathesis.sh" | tail -n 1)"
export FIREBREAK_SCHEMATHESIS

# Browser tests drive Debian's Chromium headless.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing chromium and chromium-driver for the browser tests" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
  else
    echo "the browser tests need chromium and chromium-driver (apt-get install chromium chromium-driver)" >&2
  fi
fi

cd "$ROOT"
exec ./mvnw -B -ntp verify "$@"
