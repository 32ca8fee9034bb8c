package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;

/**
 * One proof's verification condition as a multi-scalar multiplication that must equal the identity: scalars
 * for the shared generators (Gᵢ, Hᵢ, B, B̃) and for the proof's own points. Batching adds several such
 * equations, each multiplied by a random weight, so the generator part does not grow with the batch.
 */
record VerificationEquation(Scalar[] g, Scalar[] h, Scalar valueBase, Scalar blindingBase,
        Scalar[] pointScalars, RistrettoPoint[] points) {

    int generators() {
        return g.length;
    }

    /** Evaluates this equation alone (already randomised inside) and tells whether it holds. */
    boolean holds() {
        return MultiEquation.combine(java.util.List.of(this)).isIdentity();
    }
}
