package io.zrt.crypto.cortado;

import java.security.SecureRandom;

/**
 * A Cortado key pair: secret sk ∈ [1, r − 1] and public pk = sk·G. Immutable; toString shows only the
 * public key.
 */
public final class CortadoKeyPair {

    private final Scalar secretKey;
    private final CortadoPoint publicKey;

    private CortadoKeyPair(Scalar secretKey, CortadoPoint publicKey) {
        this.secretKey = secretKey;
        this.publicKey = publicKey;
    }

    public static CortadoKeyPair generate(SecureRandom random) {
        return fromSecret(Scalar.randomNonZero(random));
    }

    /** Derives the public key; zero is not a valid secret key. */
    public static CortadoKeyPair fromSecret(Scalar secretKey) {
        if (secretKey.isZero()) {
            throw new IllegalArgumentException("secret key must be non-zero");
        }
        return new CortadoKeyPair(secretKey, Cortado.multiplyGenerator(secretKey));
    }

    public Scalar secretKey() {
        return secretKey;
    }

    public CortadoPoint publicKey() {
        return publicKey;
    }

    /** Diffie–Hellman: sk·other. */
    public CortadoPoint agree(CortadoPoint otherPublicKey) {
        return otherPublicKey.multiply(secretKey);
    }

    @Override
    public String toString() {
        return "CortadoKeyPair(public=" + publicKey + ", secret=redacted)";
    }
}
