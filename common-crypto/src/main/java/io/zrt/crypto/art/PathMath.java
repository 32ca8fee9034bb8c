package io.zrt.crypto.art;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/** The ratchet arithmetic: fresh secrets, λ_parent = ι(λ_child · PK_sibling), and whole paths. */
final class PathMath {

    /** Path secrets live in [1, 2^252): valid in both scalar fields and canonically 252 bits for the proof. */
    static final BigInteger SECRET_BOUND = BigInteger.ONE.shiftLeft(252);

    private PathMath() {
    }

    /** Uniform in [1, 2^252). */
    static Scalar freshSecret(SecureRandom random) {
        while (true) {
            BigInteger candidate = new BigInteger(252, random);
            if (candidate.signum() > 0) {
                return Scalar.of(candidate);
            }
        }
    }

    static boolean isPathSecret(Scalar secret) {
        BigInteger v = secret.toBigInteger();
        return v.signum() > 0 && v.compareTo(SECRET_BOUND) < 0;
    }

    /** ι(secret · publicKey); infinity or a zero x-coordinate aborts the operation. */
    static Scalar dh(Scalar secret, CortadoPoint publicKey) throws DegenerateKeyException {
        CortadoPoint shared = publicKey.multiply(secret);
        if (shared.isInfinity()) {
            throw new DegenerateKeyException("Diffie-Hellman result is the point at infinity");
        }
        Scalar x = shared.iota();
        if (x.isZero()) {
            throw new DegenerateKeyException("Diffie-Hellman result has x-coordinate zero");
        }
        return x;
    }

    /**
     * λ_0 = leaf secret, λ_{j+1} = ι(λ_j · C_j). Returns null if some λ_j falls outside [1, 2^252), in which
     * case the creator has to start again from another leaf secret.
     */
    static Scalar[] ratchet(Scalar leafSecret, List<CortadoPoint> coPath) throws DegenerateKeyException {
        Scalar[] secrets = new Scalar[coPath.size() + 1];
        secrets[0] = leafSecret;
        for (int j = 0; j < coPath.size(); j++) {
            if (!isPathSecret(secrets[j])) {
                return null;
            }
            secrets[j + 1] = dh(secrets[j], coPath.get(j));
        }
        return isPathSecret(secrets[coPath.size()]) ? secrets : null;
    }

    static CortadoPoint[] publicKeys(Scalar[] secrets) {
        CortadoPoint[] keys = new CortadoPoint[secrets.length];
        for (int j = 0; j < secrets.length; j++) {
            keys[j] = Cortado.multiplyGenerator(secrets[j]);
        }
        return keys;
    }
}
