package io.zrt.node.storage;

import java.time.Instant;

/**
 * One document of the {@code frames} collection (the schema the message-relay reads; see docs/node-service.md).
 *
 * @param frame   the serialized Frame exactly as received
 * @param spFrame the serialized SPFrame (seq, created, frame): what is returned and pushed
 */
public record StoredFrame(String groupId, long seq, long epoch, String op, byte[] nonce, byte[] frame,
        byte[] spFrame, Instant createdAt, boolean relayed) {
}
