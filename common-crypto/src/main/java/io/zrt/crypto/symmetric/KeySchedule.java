package io.zrt.crypto.symmetric;

import io.zrt.crypto.Hashing;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.cortado.Scalar;
import java.util.Arrays;

/**
 * The group key schedule of PROTOCOL.md section 5: a chain of stage keys, one per epoch, each mixing the
 * previous stage key with that epoch's tree key; frame keys and invite keys derived from them; and the
 * digests that bind a frame's bytes as associated data.
 */
public final class KeySchedule {

    public static final String STAGE_LABEL = "zrt/v1/stage";
    public static final String FRAME_LABEL = "zrt/v1/frame";
    public static final String INVITE_LABEL = "zrt/v1/invite";
    public static final String FRAME_AAD_LABEL = "zrt/v1/frame-aad";
    public static final String FRAME_AD_LABEL = "zrt/v1/frame-ad";

    private KeySchedule() {
    }

    /** stk₋₁: 32 zero bytes, the predecessor of the first stage key. */
    public static SecretBytes initialStageKey() {
        return SecretBytes.copyOf(new byte[Hkdf.HASH_LENGTH]);
    }

    /** stkₑ = HKDF(zrt/v1/stage, stkₑ₋₁ ‖ enc(tkₑ)). */
    public static SecretBytes nextStageKey(SecretBytes previousStageKey, Scalar treeKey) {
        byte[] previous = previousStageKey.toByteArray();
        byte[] tree = treeKey.toBytes();
        byte[] ikm = new byte[previous.length + tree.length];
        System.arraycopy(previous, 0, ikm, 0, previous.length);
        System.arraycopy(tree, 0, ikm, previous.length, tree.length);
        try {
            return Hkdf.deriveKey(STAGE_LABEL, ikm);
        } finally {
            Arrays.fill(previous, (byte) 0);
            Arrays.fill(tree, (byte) 0);
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** HKDF(zrt/v1/frame, stkₑ): the AES-256-GCM key of every frame of epoch e. */
    public static SecretBytes frameKey(SecretBytes stageKey) {
        byte[] stage = stageKey.toByteArray();
        try {
            return Hkdf.deriveKey(FRAME_LABEL, stage);
        } finally {
            Arrays.fill(stage, (byte) 0);
        }
    }

    /** An AEAD under the frame key of the given stage key. */
    public static Aead frameAead(SecretBytes stageKey) {
        SecretBytes frameKey = frameKey(stageKey);
        try {
            return AesGcmAead.create(frameKey);
        } finally {
            frameKey.wipe();
        }
    }

    /** HKDF(zrt/v1/invite, enc(leaf secret)): encrypts the secret part of an invite. */
    public static SecretBytes inviteKey(Scalar leafSecret) {
        byte[] leaf = leafSecret.toBytes();
        try {
            return Hkdf.deriveKey(INVITE_LABEL, leaf);
        } finally {
            Arrays.fill(leaf, (byte) 0);
        }
    }

    /** AAD of a frame's payload: SHA3-256(zrt/v1/frame-aad ‖ FrameTBS bytes with an empty payload). */
    public static byte[] payloadAad(byte[] frameTbsWithoutPayload) {
        return Hashing.labeledDigest(FRAME_AAD_LABEL, frameTbsWithoutPayload);
    }

    /** The associated data ad that a frame's proofs bind: SHA3-256(zrt/v1/frame-ad ‖ FrameTBS bytes). */
    public static byte[] frameAssociatedData(byte[] frameTbs) {
        return Hashing.labeledDigest(FRAME_AD_LABEL, frameTbs);
    }
}
