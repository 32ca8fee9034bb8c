package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.Arrays;

/**
 * The proof engine's entry points to multi-scalar multiplication Σ sᵢ·Pᵢ. Two flavours, chosen by who may
 * learn the scalars:
 * <ul>
 *   <li>{@link #secret}: constant-time (Straus) for the prover's witness commitments (A_I, A_O, S, Tᵢ, V);</li>
 *   <li>{@link #vartime}: variable-time (wNAF/Pippenger) for public scalars: everything the verifier does, and
 *   the prover's inner-product rounds, whose vectors l(x), r(x) are blinded by s_L, s_R and could be sent in
 *   the clear without harming zero knowledge (the paper's protocol 3 does exactly that).</li>
 * </ul>
 */
final class Msm {

    private Msm() {
    }

    static RistrettoPoint secret(Scalar[] scalars, RistrettoPoint[] points, int n) {
        return RistrettoPoint.multiscalarMul(prefix(scalars, n), prefix(points, n));
    }

    static RistrettoPoint vartime(Scalar[] scalars, RistrettoPoint[] points, int n) {
        return RistrettoPoint.vartimeMultiscalarMul(prefix(scalars, n), prefix(points, n));
    }

    /** a·P + b·Q for public a, b. */
    static RistrettoPoint twoTerm(Scalar a, RistrettoPoint p, Scalar b, RistrettoPoint q) {
        return RistrettoPoint.vartimeMultiscalarMul(new Scalar[] {a, b}, new RistrettoPoint[] {p, q});
    }

    private static <T> T[] prefix(T[] values, int n) {
        return values.length == n ? values : Arrays.copyOf(values, n);
    }
}
