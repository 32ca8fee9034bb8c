package io.zrt.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA3-256 and the protocol's domain-separated digest SHA3-256(label ‖ field₁ ‖ … ‖ fieldₙ). */
public final class Hashing {

    public static final int DIGEST_LENGTH = 32;

    private Hashing() {
    }

    public static MessageDigest newSha3_256() {
        try {
            return MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is required by Java 17 and missing", e);
        }
    }

    public static byte[] sha3_256(byte[] data) {
        return newSha3_256().digest(data);
    }

    /**
     * SHA3-256 over the label (UTF-8, in practice ASCII) followed by the fields, concatenated as they are (no length prefixes,
     * as the protocol specifies). Callers use fixed-length fields or fields whose length is implied by an
     * earlier field, so that two different inputs cannot produce the same byte string.
     */
    public static byte[] labeledDigest(String label, byte[]... fields) {
        MessageDigest digest = newSha3_256();
        digest.update(label.getBytes(StandardCharsets.UTF_8));
        for (byte[] field : fields) {
            digest.update(field);
        }
        return digest.digest();
    }
}
