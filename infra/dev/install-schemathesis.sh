#!/usr/bin/env bash
# Idempotently provisions schemathesis (the OpenAPI fuzzer of the contract test) in a virtual
# environment at <repo>/.tools/schemathesis and prints the absolute path of its `st` command as
# the last line of stdout (logs go to stderr).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/.tools/schemathesis"
ST="$VENV/bin/st"
VERSION="4.32.5"

log() { echo "install-schemathesis: $*" >&2; }

if [[ -x "$ST" ]] && "$ST" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "$ST"
  exit 0
fi
mkdir -p "$ROOT/.tools"
log "installing schemathesis==$VERSION from PyPI into $VENV"
rm -rf "$VENV"
python3 -m venv "$VENV" >&2
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$VERSION" >&2
"$ST" --version >&2
echo "$ST"
