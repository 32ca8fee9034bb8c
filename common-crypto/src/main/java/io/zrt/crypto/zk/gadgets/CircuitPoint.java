package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Scalars;
import java.util.Optional;

/**
 * An affine Cortado point inside a circuit: its coordinates are linear combinations over F_ℓ, which is
 * Cortado's base field, so no emulation is needed. The point at infinity has no such representation.
 */
public record CircuitPoint(LinearCombination x, LinearCombination y) {

    /** A public point as constant combinations. */
    public static CircuitPoint constant(CortadoPoint point) {
        if (point.isInfinity()) {
            throw new IllegalArgumentException("the point at infinity has no affine coordinates");
        }
        return new CircuitPoint(LinearCombination.constant(coordinate(point, true)),
                LinearCombination.constant(coordinate(point, false)));
    }

    /** A public coordinate as a Ristretto scalar (the same field element). */
    static Scalar coordinate(CortadoPoint point, boolean x) {
        return Scalars.of((x ? point.x() : point.y()).toBigInteger());
    }

    /** The prover's coordinates (empty in the verifier). */
    Optional<Scalar[]> value(ConstraintSystem cs) {
        Optional<Scalar> vx = cs.evaluate(x);
        Optional<Scalar> vy = cs.evaluate(y);
        return vx.flatMap(a -> vy.map(b -> new Scalar[] {a, b}));
    }
}
