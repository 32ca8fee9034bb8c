package io.zrt.relay.state;

import io.zrt.protocol.rules.PushMessageId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One document of the Node's {@code frames} collection, reduced to what the relay needs. The relay never parses
 * {@code spFrame}: it forwards the Node's bytes unchanged, so clients verify exactly what the Node stored.
 *
 * @param id        the document's {@code _id} (marker updates address it, which is cheap on every server)
 * @param groupId   canonical UUID text of the group id
 * @param seq       consecutive from 0 per group
 * @param spFrame   the serialized SPFrame that is pushed
 * @param createdAt when the Node stored the frame (for lag and latency)
 * @param relayed   whether a publish of this frame has been acknowledged by JetStream
 */
public record StoredFrame(Object id, String groupId, long seq, long epoch, byte[] spFrame, Instant createdAt, boolean relayed) {

    public StoredFrame {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(spFrame, "spFrame");
        Objects.requireNonNull(createdAt, "createdAt");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
    }

    /** Field names of the stable contract with the Node. */
    public static final String GROUP_ID = "groupId";
    public static final String SEQ = "seq";
    public static final String EPOCH = "epoch";
    public static final String SP_FRAME = "spFrame";
    public static final String CREATED_AT = "createdAt";
    public static final String RELAYED = "relayed";

    /**
     * Reads a frame document strictly: a missing or mistyped field is a {@link MalformedFrameException}, never
     * a ClassCastException or NullPointerException from the driver types.
     */
    public static StoredFrame fromDocument(Document document) throws MalformedFrameException {
        if (document == null) {
            throw new MalformedFrameException("no document");
        }
        Object id = document.get("_id");
        if (id == null) {
            throw new MalformedFrameException("_id missing");
        }
        String groupId = field(document, GROUP_ID, String.class);
        if (!isCanonicalUuid(groupId)) {
            throw new MalformedFrameException("groupId is not a canonical UUID: " + groupId);
        }
        long seq = integral(document, SEQ);
        if (seq < 0) {
            throw new MalformedFrameException("negative seq " + seq + " in group " + groupId);
        }
        long epoch = integral(document, EPOCH);
        Object rawFrame = document.get(SP_FRAME);
        byte[] spFrame;
        if (rawFrame instanceof Binary binary) {
            spFrame = binary.getData();
        } else if (rawFrame instanceof byte[] bytes) {
            spFrame = bytes.clone();
        } else {
            throw new MalformedFrameException("spFrame missing or not binary in " + groupId + ":" + seq);
        }
        java.util.Date createdAt = field(document, CREATED_AT, java.util.Date.class);
        Object relayed = document.get(RELAYED);
        if (relayed != null && !(relayed instanceof Boolean)) {
            throw new MalformedFrameException("relayed is not a boolean in " + groupId + ":" + seq);
        }
        return new StoredFrame(id, groupId, seq, epoch, spFrame, createdAt.toInstant(), Boolean.TRUE.equals(relayed));
    }

    /** {@code <groupId>:<seq>}: the frame's position, for logs (the message id adds {@link #digest()}). */
    public String key() {
        return groupId + ":" + seq;
    }

    /** The digest of the frame's bytes that its message id carries ({@link PushMessageId#digest}). */
    public String digest() {
        return PushMessageId.digest(spFrame);
    }

    static boolean isCanonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <T> T field(Document document, String name, Class<T> type) throws MalformedFrameException {
        Object value = document.get(name);
        if (!type.isInstance(value)) {
            throw new MalformedFrameException(name + " missing or not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private static long integral(Document document, String name) throws MalformedFrameException {
        Object value = document.get(name);
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Integer number) {
            return number;
        }
        throw new MalformedFrameException(name + " missing or not an integer");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredFrame that && id.equals(that.id) && seq == that.seq && epoch == that.epoch
                && relayed == that.relayed && groupId.equals(that.groupId) && createdAt.equals(that.createdAt)
                && Arrays.equals(spFrame, that.spFrame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, groupId, seq, epoch, createdAt, relayed) * 31 + Arrays.hashCode(spFrame);
    }

    @Override
    public String toString() {
        return "StoredFrame[" + key() + ", epoch=" + epoch + ", " + spFrame.length + " bytes, relayed=" + relayed + "]";
    }
}
