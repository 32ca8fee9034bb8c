package io.zrt.crypto.x3dh;

import io.zrt.crypto.cortado.Scalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Leaf and path secrets live in [1, 2²⁵²): below both group orders, so they are Cortado and Ristretto
 * scalars alike and their 252-bit decomposition in the branch proof is canonical.
 */
public final class LeafSecrets {

    public static final int BITS = 252;
    public static final BigInteger BOUND = BigInteger.ONE.shiftLeft(BITS);

    private LeafSecrets() {
    }

    /** Uniform in [1, 2²⁵²): 252 random bits, redrawn in the (2⁻²⁵²-likely) case of zero. */
    public static Scalar random(SecureRandom random) {
        while (true) {
            BigInteger candidate = new BigInteger(BITS, random);
            if (candidate.signum() != 0) {
                return Scalar.of(candidate);
            }
        }
    }

    /** Whether a secret may serve as a path secret (a derived ι value can land in [2²⁵², ℓ)). */
    public static boolean isValidPathSecret(Scalar secret) {
        BigInteger v = secret.toBigInteger();
        return v.signum() > 0 && v.compareTo(BOUND) < 0;
    }

    /** Maps 32 bytes into [1, 2²⁵²): clear the top four bits of byte 31, read little-endian, 0 becomes 1. */
    public static Scalar fromUniformBytes(byte[] bytes32) {
        if (bytes32.length != 32) {
            throw new IllegalArgumentException("need 32 bytes");
        }
        byte[] masked = bytes32.clone();
        masked[31] &= 0x0f;
        Scalar value = Scalar.fromBytesModOrder(masked); // < 2^252 < r, so no reduction happens
        Arrays.fill(masked, (byte) 0);
        return value.isZero() ? Scalar.ONE : value;
    }
}
