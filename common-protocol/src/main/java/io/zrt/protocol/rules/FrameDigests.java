package io.zrt.protocol.rules;

import com.google.protobuf.ByteString;
import io.zrt.protocol.FrameTBS;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The two digests a frame is bound to (PROTOCOL.md sections 5 and 7). */
public final class FrameDigests {

    public static final String AD_LABEL = "zrt/v1/frame-ad";
    public static final String AAD_LABEL = "zrt/v1/frame-aad";

    private FrameDigests() {
    }

    /** ad = SHA3-256(zrt/v1/frame-ad ‖ FrameTBS bytes as sent): what signatures and proofs sign. */
    public static byte[] associatedData(byte[] tbsBytesAsSent) {
        return labeled(AD_LABEL, tbsBytesAsSent);
    }

    /**
     * Payload AAD = SHA3-256(zrt/v1/frame-aad ‖ FrameTBS bytes with protected_payload empty). The sender
     * computes it before encrypting (the payload is not known yet); a receiver clears the payload of the tbs
     * it parsed and serializes that. Both sides get the same bytes because {@link FrameParser} refuses
     * unknown fields and protobuf-java writes known fields in field-number order.
     */
    public static byte[] payloadAad(FrameTBS tbs) {
        FrameTBS withoutPayload = tbs.toBuilder().setProtectedPayload(ByteString.EMPTY).build();
        return labeled(AAD_LABEL, withoutPayload.toByteArray());
    }

    static byte[] labeled(String label, byte[]... fields) {
        MessageDigest digest = sha3();
        digest.update(label.getBytes(StandardCharsets.US_ASCII));
        for (byte[] field : fields) {
            digest.update(field);
        }
        return digest.digest();
    }

    private static MessageDigest sha3() {
        try {
            return MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-256 is part of every Java 17 runtime", e);
        }
    }
}
