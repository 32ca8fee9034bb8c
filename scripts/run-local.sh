#!/usr/bin/env bash
# README command 1: builds the suite, runs the whole system locally on embedded defaults, then runs a demo
# conversation through the SDK and prints its transcript.
#   ./scripts/run-local.sh              build, start, demo, keep running until Ctrl-C
#   ./scripts/run-local.sh --demo-only  build, start, demo, stop
# Embedded defaults (the Spring profile `local`, from the <module>-local.jar builds): node-service runs an
# embedded MongoDB (mongo-java-server on a file), transistor an embedded PostgreSQL; NATS JetStream and
# Centrifugo run from the binaries scripts/install-tools.sh builds (with no Go toolchain and no binaries, live
# push is off and the demo reads through the REST API only). Actuators listen on their own ports, as in
# production: node :8081, transistor :8002, the relay :8083; Centrifugo's health and metrics on :9000.
# State, logs and the generated local secrets live in ./.zrt (override with ZRT_LOCAL_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO_ONLY=false
for arg in "$@"; do
  case "$arg" in
    --demo-only) DEMO_ONLY=true ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

STATE_DIR="${ZRT_LOCAL_DIR:-$PWD/.zrt}"
LOGS="$STATE_DIR/logs"
mkdir -p "$LOGS"
NODE_PORT="${NODE_PORT:-8080}"
NODE_MANAGEMENT_PORT="${NODE_MANAGEMENT_PORT:-8081}"
TRANSISTOR_PORT="${TRANSISTOR_PORT:-8001}"
TRANSISTOR_MANAGEMENT_PORT="${TRANSISTOR_MANAGEMENT_PORT:-8002}"
CENTRIFUGO_PORT="${CENTRIFUGO_PORT:-8000}"
CENTRIFUGO_INTERNAL_PORT="${CENTRIFUGO_INTERNAL_PORT:-9000}"
RELAY_PORT="${RELAY_PORT:-8083}"
NATS_PORT="${NATS_PORT:-4222}"
MONGO_PORT="${MONGO_PORT:-27018}"

pids=()
stop_all() {
  trap - EXIT INT TERM
  if [ "${#pids[@]}" -gt 0 ]; then
    echo "== stopping"
    for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
    wait 2>/dev/null || true
  fi
}
trap stop_all EXIT
# Ctrl-C or a TERM while waiting for a service: stop everything and end (the EXIT trap alone would let the
# wait loop run on).
trap 'stop_all; exit 130' INT TERM

# Local secrets: generated once per state directory, never committed (the directory is git-ignored).
SECRETS="$STATE_DIR/secrets.env"
if [ ! -f "$SECRETS" ]; then
  umask 077
  {
    echo "ZRT_PUSH_HMAC_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' )"
    echo "CENTRIFUGO_API_KEY=$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=' )"
  } > "$SECRETS"
fi
# shellcheck disable=SC1090
. "$SECRETS"
export ZRT_PUSH_HMAC_SECRET

find_bin() { # name -> path or empty
  local name="$1" dir
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  if command -v go >/dev/null 2>&1; then
    dir="$(go env GOBIN)"; [ -n "$dir" ] || dir="$(go env GOPATH)/bin"
    [ -x "$dir/$name" ] && { echo "$dir/$name"; return; }
  fi
  [ -x "$HOME/go/bin/$name" ] && echo "$HOME/go/bin/$name"
  return 0
}

wait_http() { # name url pid: ready when url answers 2xx, failed when the process pid has ended
  local name="$1" url="$2" pid="$3"
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up (a port in use? see the end of its log in $LOGS):" >&2
      tail -n 15 "$LOGS/$name.log" >&2 || true
      exit 1
    fi
    if curl -fsS "$url" >/dev/null 2>&1; then echo "   $name is up"; return 0; fi
    sleep 1
  done
  echo "$name did not come up; its log is in $LOGS" >&2
  exit 1
}

echo "== installing NATS and Centrifugo binaries where possible"
./scripts/install-tools.sh || echo "   (install-tools failed; continuing with what is there)"
NATS_BIN="$(find_bin nats-server)"
CENTRIFUGO_BIN="$(find_bin centrifugo)"
LIVE_PUSH=true
if [ -z "$NATS_BIN" ] || [ -z "$CENTRIFUGO_BIN" ]; then
  LIVE_PUSH=false
  echo "   NOTE: nats-server or centrifugo is missing: live push is OFF (no relay, no SSE)."
  echo "         Install Go and re-run, or run scripts/install-tools.sh, to get live delivery."
fi

echo "== building (./mvnw -DskipTests package; the first build downloads dependencies)"
./mvnw -B -q -ntp -DskipTests -Dmaven.javadoc.skip=true package

echo "== starting node-service on :$NODE_PORT (embedded MongoDB on :$MONGO_PORT, data in $STATE_DIR/node-mongo)"
java -jar node-service/target/node-service-local.jar \
  --spring.profiles.active=local \
  --server.port="$NODE_PORT" \
  --management.server.port="$NODE_MANAGEMENT_PORT" \
  --zrt.node.embedded-mongo.data-dir="$STATE_DIR/node-mongo" \
  --zrt.node.embedded-mongo.port="$MONGO_PORT" \
  > "$LOGS/node-service.log" 2>&1 &
pids+=($!); NODE_PID=$!

echo "== starting transistor on :$TRANSISTOR_PORT (embedded PostgreSQL, data in $STATE_DIR/transistor-pg)"
java -jar transistor/target/transistor-local.jar \
  --spring.profiles.active=local \
  --server.port="$TRANSISTOR_PORT" \
  --management.server.port="$TRANSISTOR_MANAGEMENT_PORT" \
  --zrt.transistor.embedded.data-dir="$STATE_DIR/transistor-pg" \
  > "$LOGS/transistor.log" 2>&1 &
pids+=($!); TRANSISTOR_PID=$!

wait_http node-service "http://127.0.0.1:$NODE_MANAGEMENT_PORT/actuator/health/readiness" "$NODE_PID"
wait_http transistor "http://127.0.0.1:$TRANSISTOR_MANAGEMENT_PORT/actuator/health/readiness" "$TRANSISTOR_PID"

demo_args=(--node "http://127.0.0.1:$NODE_PORT" --transistor "http://127.0.0.1:$TRANSISTOR_PORT")
if [ "$LIVE_PUSH" = true ]; then
  echo "== starting NATS JetStream on :$NATS_PORT"
  mkdir -p "$STATE_DIR/nats"
  "$NATS_BIN" -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$STATE_DIR/nats" > "$LOGS/nats.log" 2>&1 &
  pids+=($!)

  echo "== starting message-relay (actuator on :$RELAY_PORT); it creates the EVENTS stream"
  java -jar message-relay/target/message-relay.jar \
    --server.port="$RELAY_PORT" \
    --spring.mongodb.uri="mongodb://127.0.0.1:$MONGO_PORT" \
    --zrt.relay.nats.url="nats://127.0.0.1:$NATS_PORT" \
    > "$LOGS/message-relay.log" 2>&1 &
  pids+=($!); RELAY_PID=$!
  wait_http message-relay "http://127.0.0.1:$RELAY_PORT/actuator/health/readiness" "$RELAY_PID"

  echo "== starting Centrifugo on :$CENTRIFUGO_PORT (infra/centrifugo/config.json)"
  CENTRIFUGO_HTTP_SERVER_ADDRESS=127.0.0.1 \
  CENTRIFUGO_HTTP_SERVER_PORT="$CENTRIFUGO_PORT" \
  CENTRIFUGO_HTTP_SERVER_INTERNAL_ADDRESS=127.0.0.1 \
  CENTRIFUGO_HTTP_SERVER_INTERNAL_PORT="$CENTRIFUGO_INTERNAL_PORT" \
  CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY="$ZRT_PUSH_HMAC_SECRET" \
  CENTRIFUGO_HTTP_API_KEY="$CENTRIFUGO_API_KEY" \
  CENTRIFUGO_CONSUMERS_EVENTS_NATS_JETSTREAM_URL="nats://127.0.0.1:$NATS_PORT" \
    "$CENTRIFUGO_BIN" --config infra/centrifugo/config.json > "$LOGS/centrifugo.log" 2>&1 &
  pids+=($!); CENTRIFUGO_PID=$!
  wait_http centrifugo "http://127.0.0.1:$CENTRIFUGO_INTERNAL_PORT/health" "$CENTRIFUGO_PID"
  demo_args+=(--centrifugo "http://127.0.0.1:$CENTRIFUGO_PORT")
fi

echo "== demo conversation through the SDK"
java -jar e2e-tests/target/zrt-demo.jar "${demo_args[@]}"

if [ "$DEMO_ONLY" = true ]; then
  exit 0
fi
cat <<TXT
== running. Node API http://127.0.0.1:$NODE_PORT (Swagger UI /swagger-ui.html), Transistor http://127.0.0.1:$TRANSISTOR_PORT
   actuators: node http://127.0.0.1:$NODE_MANAGEMENT_PORT/actuator, transistor http://127.0.0.1:$TRANSISTOR_MANAGEMENT_PORT/actuator,
   relay http://127.0.0.1:$RELAY_PORT/actuator; logs in $LOGS. Ctrl-C stops everything.
TXT
wait
