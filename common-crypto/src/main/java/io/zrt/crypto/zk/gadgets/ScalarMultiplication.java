package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Multiplication;
import io.zrt.crypto.zk.Variable;
import java.util.Optional;

/**
 * λ·P inside a circuit, for λ given by its {@link BitDecomposition}. The result is never the point at
 * infinity: for λ ≠ 0 mod r and P ≠ ∞ it cannot be, and λ = 0 makes the last addition exceptional
 * (P + (−P)), which the last addition's inverse-witness gate rejects.
 */
public final class ScalarMultiplication {

    private ScalarMultiplication() {
    }

    /**
     * λ·P for a public base P, in {@value BitDecomposition#WINDOW_BITS}-bit windows: each window's entry is a
     * linear combination of the window's shared bit monomials (no gate here), and the entries are summed by
     * 3-gate additions wherever {@link FixedBaseTable} proved the addition can never be exceptional, 4-gate
     * ones (with the inverse witness) elsewhere — in practice only the last window. For 252 bits: 82 additions
     * of 3 gates and one of 4, that is 250 gates, plus the decomposition's 336 shared monomial gates.
     */
    public static CircuitPoint fixedBase(ConstraintSystem cs, BitDecomposition scalar, CortadoPoint base) {
        FixedBaseTable table = FixedBaseTable.of(base, scalar.bitCount());
        CircuitPoint acc = windowPoint(cs, scalar, table, 0);
        for (int k = 1; k < scalar.windowCount(); k++) {
            CircuitPoint entry = windowPoint(cs, scalar, table, k);
            acc = table.distinct[k] ? CortadoGadgets.addDistinct(cs, acc, entry) : CortadoGadgets.add(cs, acc, entry);
        }
        return acc;
    }

    /** Tₖ(digit) as Σ_m coefficient[m]·monomial[m] over the window's bit monomials. */
    private static CircuitPoint windowPoint(ConstraintSystem cs, BitDecomposition scalar, FixedBaseTable t,
            int window) {
        Variable[] monomials = scalar.windowMonomials(cs, window);
        return new CircuitPoint(combine(monomials, t.x[window]), combine(monomials, t.y[window]));
    }

    private static LinearCombination combine(Variable[] monomials, Scalar[] coefficients) {
        LinearCombination.Builder b = LinearCombination.builder().addConstant(coefficients[0]);
        for (int m = 1; m < monomials.length; m++) {
            b.add(monomials[m], coefficients[m]);
        }
        return b.build();
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
