package io.zrt.node.web;

import io.zrt.node.challenges.ReadProof;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.Rejection;
import java.util.Base64;

/**
 * Read proofs travel in request headers (never in URLs, which end up in access logs):
 * {@code ZRT-Epoch} (decimal), {@code ZRT-Challenge} (16 bytes, base64url without padding),
 * {@code ZRT-Signature} (64 bytes, base64url without padding), and for the tree only {@code ZRT-Prover-Node}
 * (decimal heap index; 1, the default, means the tree key).
 */
final class ProofParameters {

    static final String EPOCH = "ZRT-Epoch";
    static final String CHALLENGE = "ZRT-Challenge";
    static final String SIGNATURE = "ZRT-Signature";
    static final String PROVER_NODE = "ZRT-Prover-Node";

    private ProofParameters() {
    }

    static boolean present(String epoch, String challenge, String signature) {
        return epoch != null || challenge != null || signature != null;
    }

    static ReadProof parse(String epoch, String challenge, String signature, String proverNode)
            throws FrameRejectedException {
        if (epoch == null || challenge == null || signature == null) {
            throw new FrameRejectedException(Rejection.INVALID_PROOF,
                    "a read proof needs the headers " + EPOCH + ", " + CHALLENGE + " and " + SIGNATURE);
        }
        return new ReadProof(number(epoch, EPOCH), base64url(challenge, CHALLENGE), base64url(signature, SIGNATURE),
                proverNode == null ? 1 : (int) Math.min(Integer.MAX_VALUE, number(proverNode, PROVER_NODE)));
    }

    static long number(String text, String what) throws FrameRejectedException {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, what + " must be a non-negative decimal number");
        }
    }

    static byte[] base64url(String text, String what) throws FrameRejectedException {
        try {
            return Base64.getUrlDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, what + " must be base64url");
        }
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
