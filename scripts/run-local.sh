#!/usr/bin/env bash
# README command 1: builds the suite and runs it locally on embedded defaults, then shows it working.
#   ./scripts/run-local.sh              build, start, demonstrate, keep running until Ctrl-C
#   ./scripts/run-local.sh --demo-only  build, start, demonstrate, stop
# Today the stack is Transistor (read-once blobs) on an embedded PostgreSQL; the Node, the relay, NATS
# and Centrifugo join it as they land.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO_ONLY=false
for arg in "$@"; do
  case "$arg" in
    --demo-only) DEMO_ONLY=true ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

STATE_DIR="${ZRT_LOCAL_DIR:-$PWD/.zrt}"
mkdir -p "$STATE_DIR/logs"
TRANSISTOR_PORT="${TRANSISTOR_PORT:-8001}"

pids=()
stop_all() {
  for pid in "${pids[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

echo "== building (./mvnw -DskipTests package)"
./mvnw -B -q -ntp -DskipTests package -pl transistor -am

wait_http() { # name url
  local name="$1" url="$2"
  for _ in $(seq 1 120); do
    if curl -fsS "$url" >/dev/null 2>&1; then echo "   $name is up ($url)"; return 0; fi
    sleep 1
  done
  echo "$name did not come up; see $STATE_DIR/logs" >&2
  return 1
}

echo "== starting transistor on :$TRANSISTOR_PORT (embedded PostgreSQL in $STATE_DIR/transistor-pg)"
java -jar transistor/target/transistor.jar \
  --server.port="$TRANSISTOR_PORT" \
  --zrt.transistor.embedded.data-dir="$STATE_DIR/transistor-pg" \
  > "$STATE_DIR/logs/transistor.log" 2>&1 &
pids+=($!)
wait_http transistor "http://127.0.0.1:$TRANSISTOR_PORT/actuator/health"

echo "== demo: a read-once transfer"
base="http://127.0.0.1:$TRANSISTOR_PORT/transistor/v1/public/transfers"
id="$(cat /proc/sys/kernel/random/uuid)"
body="{\"data\":{\"id\":\"$id\",\"type\":\"transfers\",\"attributes\":{\"data\":\"hello from run-local\"}}}"
t0=$(date +%s%3N)
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/vnd.api+json' -d "$body" "$base")
t1=$(date +%s%3N)
echo "   POST $id -> $code ($((t1 - t0)) ms)"
first=$(curl -s -w ' -> %{http_code}' "$base/$id")
t2=$(date +%s%3N)
echo "   GET  (first read)  $first ($((t2 - t1)) ms)"
second=$(curl -s -o /dev/null -w '%{http_code}' "$base/$id")
echo "   GET  (second read) -> $second (read-once: gone)"

if [ "$DEMO_ONLY" = true ]; then
  echo "== demo done, stopping"
  exit 0
fi
echo "== running; OpenAPI at http://127.0.0.1:$TRANSISTOR_PORT/v3/api-docs — Ctrl-C to stop"
wait
