package io.zrt.protocol.rules;

import com.google.protobuf.ByteString;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.protocol.FrameTBS;

/**
 * The two digests a frame is bound to (PROTOCOL.md sections 5 and 7), on protobuf types. The byte-level
 * constructions live in {@link KeySchedule} (checked against the spec's vectors there); this class only decides
 * which bytes go in.
 */
public final class FrameDigests {

    public static final String AD_LABEL = KeySchedule.FRAME_AD_LABEL;
    public static final String AAD_LABEL = KeySchedule.FRAME_AAD_LABEL;

    private FrameDigests() {
    }

    /** ad = SHA3-256(zrt/v1/frame-ad ‖ FrameTBS bytes as sent): what signatures and proofs sign. */
    public static byte[] associatedData(byte[] tbsBytesAsSent) {
        return KeySchedule.frameAssociatedData(tbsBytesAsSent);
    }

    /**
     * Payload AAD = SHA3-256(zrt/v1/frame-aad ‖ FrameTBS bytes with protected_payload empty). The sender
     * computes it before encrypting (the payload is not known yet); a receiver clears the payload of the tbs
     * it parsed and serializes that. Both sides get the same bytes because {@link FrameParser} accepts only a
     * canonically encoded tbs (no unknown fields, fields in number order), which is what protobuf-java writes.
     */
    public static byte[] payloadAad(FrameTBS tbs) {
        FrameTBS withoutPayload = tbs.toBuilder().setProtectedPayload(ByteString.EMPTY).build();
        return KeySchedule.payloadAad(withoutPayload.toByteArray());
    }
}
