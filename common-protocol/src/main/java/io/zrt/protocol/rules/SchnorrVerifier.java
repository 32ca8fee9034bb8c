package io.zrt.protocol.rules;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.schnorr.Schnorr;

/** The real {@link SignatureVerifier}: single-key Schnorr over Cortado from common-crypto. */
public final class SchnorrVerifier implements SignatureVerifier {

    public static final SchnorrVerifier INSTANCE = new SchnorrVerifier();

    private SchnorrVerifier() {
    }

    @Override
    public void verify(byte[] publicKey, byte[] digest, byte[] signature) throws FrameRejectedException {
        CortadoPoint key;
        try {
            key = CortadoPoint.decode(publicKey);
        } catch (InvalidEncodingException e) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "public key is not a valid Cortado point");
        }
        try {
            Schnorr.verify(digest, key, signature);
        } catch (VerificationException e) {
            throw new FrameRejectedException(Rejection.INVALID_PROOF, "signature does not verify");
        }
    }
}
