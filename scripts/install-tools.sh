#!/usr/bin/env bash
# Installs the infrastructure binaries that the tests and the local stack start: nats-server and centrifugo.
# Idempotent: a binary of the pinned version already present is kept. Go's module and build caches are
# reused, so only the first build on a machine takes minutes.
set -euo pipefail

# Exactly the versions docker-compose.yml and the testkit's containers run (e2e ImageVersionsTest): each exists
# both as a Go module and as an image (nats:2.15.0-alpine, centrifugo/centrifugo:v6.9.1).
NATS_VERSION="v2.15.0"
CENTRIFUGO_VERSION="v6.9.1"

gobin() {
  if command -v go >/dev/null 2>&1; then
    local dir
    dir="$(go env GOBIN)"
    [ -n "$dir" ] || dir="$(go env GOPATH)/bin"
    echo "$dir"
  else
    echo "${HOME}/go/bin"
  fi
}

BIN_DIR="$(gobin)"
STAMP_DIR="${BIN_DIR}/.zrt-versions"
mkdir -p "$STAMP_DIR"

# go install leaves no version in a binary built from a module path (centrifugo reports v0.0.0),
# so a stamp file beside the binary records which version was installed.
installed_version() { cat "${STAMP_DIR}/$1" 2>/dev/null || true; }

install_go_binary() { # name module version
  local name="$1" module="$2" version="$3"
  if [ -x "${BIN_DIR}/${name}" ] && [ "$(installed_version "$name")" = "$version" ]; then
    echo "install-tools: ${name} ${version} already installed in ${BIN_DIR}"
    return 0
  fi
  echo "install-tools: building ${name} ${version} with go install (the first build takes a few minutes)"
  go install "${module}@${version}"
  echo "$version" > "${STAMP_DIR}/${name}"
}

if command -v go >/dev/null 2>&1; then
  install_go_binary nats-server github.com/nats-io/nats-server/v2 "$NATS_VERSION"
  install_go_binary centrifugo github.com/centrifugal/centrifugo/v6 "$CENTRIFUGO_VERSION"
else
  echo "install-tools: no Go toolchain found"
  if ! command -v nats-server >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      echo "install-tools: installing Debian's nats-server package instead"
      apt-get update -qq && apt-get install -y -qq nats-server
    else
      echo "install-tools: nats-server unavailable; tests that need NATS will be skipped" >&2
    fi
  fi
  command -v centrifugo >/dev/null 2>&1 || \
    echo "install-tools: centrifugo unavailable without Go; tests that need it will be skipped" >&2
fi
