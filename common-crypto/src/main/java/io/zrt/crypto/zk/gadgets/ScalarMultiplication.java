package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Multiplication;
import java.util.Optional;

/**
 * λ·P inside a circuit, for λ given by its {@link BitDecomposition}. The result is never the point at
 * infinity: for λ ≠ 0 mod r and P ≠ ∞ it cannot be, and λ = 0 makes the last addition exceptional, which
 * the inverse-witness gate rejects.
 */
public final class ScalarMultiplication {

    private ScalarMultiplication() {
    }

    /**
     * λ·P for a public base P (2-bit windows: the window point is a linear combination of public multiples
     * selected by the bits and their shared pair product; one 4-gate addition per window after the first).
     * Gates: (windows − 1)·4, plus one shared pair-product gate per 2-bit window on first use.
     */
    public static CircuitPoint fixedBase(ConstraintSystem cs, BitDecomposition scalar, CortadoPoint base) {
        FixedBaseTable table = FixedBaseTable.of(base, scalar.bitCount());
        CircuitPoint acc = windowPoint(cs, scalar, table, 0);
        for (int i = 1; i < scalar.windowCount(); i++) {
            acc = CortadoGadgets.add(cs, acc, windowPoint(cs, scalar, table, i));
        }
        return acc;
    }

    /** Tᵢ(d) as affine combinations of 1, b_lo, b_hi and b_lo·b_hi (bilinear interpolation of 4 points). */
    private static CircuitPoint windowPoint(ConstraintSystem cs, BitDecomposition scalar, FixedBaseTable t,
            int window) {
        var lo = scalar.bit(2 * window);
        if (2 * window + 1 >= scalar.bitCount()) {
            return new CircuitPoint(select(t.x[window][0], t.x[window][1], lo),
                    select(t.y[window][0], t.y[window][1], lo));
        }
        var hi = scalar.bit(2 * window + 1);
        var both = scalar.pairProduct(cs, window);
        return new CircuitPoint(bilinear(t.x[window], lo, hi, both), bilinear(t.y[window], lo, hi, both));
    }

    private static LinearCombination select(Scalar v0, Scalar v1, io.zrt.crypto.zk.Variable bit) {
        return LinearCombination.of(bit, v1.subtract(v0)).plusConstant(v0);
    }

    private static LinearCombination bilinear(Scalar[] v, io.zrt.crypto.zk.Variable lo,
            io.zrt.crypto.zk.Variable hi, io.zrt.crypto.zk.Variable both) {
        // d = lo + 2·hi: v(d) = v0 + lo·(v1 − v0) + hi·(v2 − v0) + lo·hi·(v3 − v2 − v1 + v0).
        return LinearCombination.builder()
                .addConstant(v[0])
                .add(lo, v[1].subtract(v[0]))
                .add(hi, v[2].subtract(v[0]))
                .add(both, v[3].subtract(v[2]).subtract(v[1]).add(v[0]))
                .build();
    }

    /**
     * λ·P for a point P known only inside the circuit (checked to be on the curve here). Double-and-add from
     * an auxiliary starting point X: Aⱼ₊₁ = Aⱼ + bⱼ·(Aⱼ + 2ʲP − Aⱼ), result A_k − X. About 11 gates per bit.
     */
    public static CircuitPoint variableBase(ConstraintSystem cs, BitDecomposition scalar, CircuitPoint base) {
        CortadoGadgets.assertOnCurve(cs, base);
        CircuitPoint power = CortadoGadgets.materialize(cs, base);
        CircuitPoint acc = CircuitPoint.constant(FixedBaseTable.AUXILIARY);
        for (int j = 0; j < scalar.bitCount(); j++) {
            CircuitPoint candidate = CortadoGadgets.add(cs, acc, power);
            LinearCombination bit = LinearCombination.of(scalar.bit(j));
            Multiplication dx = cs.multiply(bit, candidate.x().minus(acc.x()));
            Multiplication dy = cs.multiply(bit, candidate.y().minus(acc.y()));
            acc = CortadoGadgets.materialize(cs, new CircuitPoint(acc.x().plus(dx.output()),
                    acc.y().plus(dy.output())));
            if (j + 1 < scalar.bitCount()) {
                power = CortadoGadgets.doubled(cs, power);
            }
        }
        return CortadoGadgets.add(cs, acc, CircuitPoint.constant(FixedBaseTable.AUXILIARY.negate()));
    }

    /** Convenience for witnesses: the prover's value of a circuit point, if any. */
    public static Optional<Scalar[]> value(ConstraintSystem cs, CircuitPoint p) {
        return p.value(cs);
    }
}
