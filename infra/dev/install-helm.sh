#!/usr/bin/env bash
# Idempotently provisions Helm at <repo>/.tools/bin/helm (for the chart test, HelmChartTest) and
# prints its absolute path as the last line of stdout (logs go to stderr).
# Order: existing .tools binary -> `helm` on PATH -> `go install` from the Go module proxy.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"
HELM="$BIN_DIR/helm"
HELM_VERSION="v3.22.0"

log() { echo "install-helm: $*" >&2; }
works() { [[ -x "$HELM" ]] && "$HELM" version --short >/dev/null 2>&1; }

# Built once per machine: later clones (CI's among them) copy it from here.
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/firebreak/helm-$HELM_VERSION"

mkdir -p "$BIN_DIR"
if works; then
  log "already installed"
elif [[ -x "$CACHE" ]] && "$CACHE" version --short >/dev/null 2>&1; then
  log "copying the machine's cached build"
  cp "$CACHE" "$HELM"
elif command -v helm >/dev/null 2>&1 && [[ "$(command -v helm)" != "$HELM" ]]; then
  log "linking $(command -v helm)"
  ln -sfn "$(command -v helm)" "$HELM"
elif command -v go >/dev/null 2>&1; then
  log "building helm.sh/helm/v3/cmd/helm@$HELM_VERSION with go install (a few minutes, once)"
  GOBIN="$BIN_DIR" CGO_ENABLED=0 go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
else
  log "ERROR: no helm on PATH and no Go toolchain to build it"
  exit 1
fi

works || { log "ERROR: $HELM version failed"; exit 1; }
mkdir -p "$(dirname "$CACHE")" && cp -f "$HELM" "$CACHE" 2>/dev/null || true
log "$("$HELM" version --short)"
echo "$HELM"
