package io.zrt.protocol.rules;

/**
 * Checks a single-key Schnorr signature / proof of knowledge over a 32-byte digest (PROTOCOL.md section 4).
 * Implementations decode the key strictly and throw {@link Rejection#INVALID_FIELD} for a key that is not
 * a valid point and {@link Rejection#INVALID_PROOF} for a signature that does not verify; they never return
 * a boolean that a caller could ignore.
 */
@FunctionalInterface
public interface SignatureVerifier {

    void verify(byte[] publicKey, byte[] digest, byte[] signature) throws FrameRejectedException;
}
