package io.zrt.protocol.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The identity of a pushed frame: {@code <groupId>:<seq>:<digest>}, the relay's {@code Nats-Msg-Id} and
 * Centrifugo idempotency key. The digest covers the frame bytes, not just their position, so two different
 * frames that were given the same seq (e.g. after a database restore) never share an id: JetStream cannot
 * silently drop one of them as a duplicate of the other, and the relay can tell them apart.
 */
public final class PushMessageId {

    /** Bytes of SHA-256 kept in the digest: 128 bits, far beyond any accidental collision. */
    public static final int DIGEST_BYTES = 16;
    private static final Pattern DIGEST_TEXT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private PushMessageId() {
    }

    /**
     * {@code base64url(first 16 bytes of SHA-256(spFrame))} without padding (22 characters), over the serialized
     * SPFrame exactly as pushed (the base64-decoded {@code frame} of the push body).
     */
    public static String digest(byte[] spFrame) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(spFrame);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, DIGEST_BYTES));
    }

    /** {@code <groupId>:<seq>:<digest(spFrame)>}. */
    public static String of(String groupId, long seq, byte[] spFrame) {
        return groupId + ":" + seq + ":" + digest(spFrame);
    }

    /** Whether {@code text} is a digest as {@link #digest} writes it (22 base64url characters). */
    public static boolean isDigest(String text) {
        return text != null && DIGEST_TEXT.matcher(text).matches();
    }
}
