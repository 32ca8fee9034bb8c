package io.zrt.crypto.x3dh;

import io.zrt.crypto.Hashing;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.crypto.schnorr.SchnorrSignature;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A signed prekey as published by an invitee: the prekey's public point and a Schnorr signature by the
 * identity key over SHA3-256(zrt/v1/signed-prekey ‖ enc(IK) ‖ enc(SPK)). Binding IK into the digest stops
 * a prekey signed by one identity from being presented as another's. Encoding: enc(SPK) ‖ signature (96 bytes).
 */
public record SignedPreKey(CortadoPoint preKey, byte[] signature) {

    public static final String DIGEST_LABEL = "zrt/v1/signed-prekey";
    public static final int ENCODED_LENGTH = CortadoPoint.ENCODED_LENGTH + SchnorrSignature.encodedLength(1);

    public SignedPreKey {
        if (preKey.isInfinity()) {
            throw new IllegalArgumentException("prekey cannot be infinity");
        }
        signature = signature.clone();
    }

    public static SignedPreKey create(CortadoKeyPair identity, CortadoKeyPair preKey, SecureRandom random) {
        byte[] digest = digest(identity.publicKey(), preKey.publicKey());
        return new SignedPreKey(preKey.publicKey(),
                Schnorr.sign(digest, List.of(identity), random));
    }

    public static byte[] digest(CortadoPoint identityKey, CortadoPoint preKey) {
        return Hashing.labeledDigest(DIGEST_LABEL, identityKey.encode(), preKey.encode());
    }

    /** Checks that the expected identity key signed this prekey. */
    public void verify(CortadoPoint identityKey) throws VerificationException {
        Schnorr.verify(digest(identityKey, preKey), identityKey, signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        System.arraycopy(preKey.encode(), 0, out, 0, CortadoPoint.ENCODED_LENGTH);
        System.arraycopy(signature, 0, out, CortadoPoint.ENCODED_LENGTH, signature.length);
        return out;
    }

    /** Structural decoding; the signature is checked by {@link #verify}. */
    public static SignedPreKey decode(byte[] encoded) throws InvalidEncodingException {
        if (encoded == null || encoded.length != ENCODED_LENGTH) {
            throw new InvalidEncodingException("signed prekey must be " + ENCODED_LENGTH + " bytes");
        }
        CortadoPoint preKey = CortadoPoint.decode(Arrays.copyOf(encoded, CortadoPoint.ENCODED_LENGTH));
        byte[] signature = Arrays.copyOfRange(encoded, CortadoPoint.ENCODED_LENGTH, ENCODED_LENGTH);
        SchnorrSignature.decode(signature, 1); // reject non-canonical scalars early
        return new SignedPreKey(preKey, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPreKey other && preKey.equals(other.preKey)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return preKey.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedPreKey(" + preKey + ")";
    }
}
