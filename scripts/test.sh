#!/usr/bin/env bash
# The project's test command (README, "Run the tests"): installs the infrastructure binaries, then runs
# every module's tests with the Maven Wrapper. Tests tagged "docker" (Testcontainers) run only where a
# Docker engine answers. Set ZRT_REQUIRE_INFRA=true to make a missing component fail instead of skip.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-tools.sh

if command -v go >/dev/null 2>&1; then
  GO_BIN="$(go env GOBIN)"; [ -n "$GO_BIN" ] || GO_BIN="$(go env GOPATH)/bin"
  export PATH="${GO_BIN}:${PATH}"
fi

profiles=()
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "test: Docker engine found, the Testcontainers variants run too"
  profiles+=("-Pdocker")
else
  echo "test: no Docker engine, the Testcontainers variants (tag 'docker') are left out"
fi

exec ./mvnw -B -ntp "${profiles[@]}" verify "$@"
