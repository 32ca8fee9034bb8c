#!/bin/sh
# One-shot `nats-init` service: creates the JetStream stream EVENTS from events-stream.json unless it exists.
# The message-relay would create it too (same subjects, file storage, 2-minute duplicate window), but
# Centrifugo's JetStream consumer needs the stream when Centrifugo starts, so compose creates it first and
# starts the relay and Centrifugo after this container has exited successfully. An existing stream is left
# exactly as it is (an operator may have tuned it).
set -eu
: "${NATS_URL:=nats://nats:4222}"
STREAM=EVENTS
CONFIG=/etc/zrt/nats/events-stream.json

if nats --server "$NATS_URL" stream info "$STREAM" >/dev/null 2>&1; then
  echo "stream $STREAM exists; left unchanged"
  exit 0
fi
nats --server "$NATS_URL" stream add "$STREAM" --config "$CONFIG"
echo "stream $STREAM created"
