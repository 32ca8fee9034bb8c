package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Multiplication;
import io.zrt.crypto.zk.Scalars;
import java.util.Optional;

/**
 * Cortado (y² = x³ + 3x + b over F_ℓ) point arithmetic as constraints on native coordinates.
 *
 * <p>Soundness of the affine formulas (argued in docs/zk.md): {@link #add} carries an inverse witness that
 * proves x₁ ≠ x₂, so its slope is uniquely determined and the exceptional inputs (P = ±Q) cannot satisfy
 * it; {@link #doubled} divides by 2y, which is never zero on Cortado because its order is odd (no point of
 * order two). Inputs must be curve points: constants, outputs of these gadgets, or points checked with
 * {@link #assertOnCurve}.
 */
public final class CortadoGadgets {

    static final Scalar CURVE_A = Scalar.fromLong(3);
    static final Scalar CURVE_B = Scalars.of(Cortado.B.toBigInteger());
    private static final Scalar HALF = Scalar.fromLong(2).invert();

    private CortadoGadgets() {
    }

    /**
     * P + Q for P ≠ ±Q (4 gates: the inverse of x₂ − x₁, the slope, x₃, y₃). P's coordinates are referenced
     * only in two linking constraints; the result is expressed through this gadget's wires and Q, so a long
     * chain of additions of short points Q keeps every combination short.
     */
    public static CircuitPoint add(ConstraintSystem cs, CircuitPoint p, CircuitPoint q) {
        LinearCombination dx = q.x().minus(p.x());
        Optional<Scalar> dxValue = cs.evaluate(dx);
        // (x₂ − x₁)·w = 1 proves x₁ ≠ x₂. An honest prover never meets x₁ = x₂ (see the callers); if it
        // does, the zero witness leaves the system unsatisfied instead of crashing.
        Multiplication inverse = cs.allocateMultiplier(dxValue, dxValue.map(CortadoGadgets::invertOrZero));
        cs.constrain(LinearCombination.of(inverse.left()).minus(dx));
        cs.constrain(LinearCombination.of(inverse.output()).minusConstant(Scalar.one()));
        return slopeAndChord(cs, p, q, LinearCombination.of(inverse.left()));
    }

    /**
     * P + Q in 3 gates (the slope, x₃, y₃), <em>only</em> for inputs the caller has proven can never satisfy
     * x₁ = x₂ for any witness (if they could, the slope would be unconstrained when P = Q). The fixed-base
     * multiplication proves it with integers (see {@link FixedBaseTable}); anything else uses {@link #add}.
     */
    static CircuitPoint addDistinct(ConstraintSystem cs, CircuitPoint p, CircuitPoint q) {
        return slopeAndChord(cs, p, q, q.x().minus(p.x()));
    }

    /**
     * The slope gate λ·(x₂ − x₁) = y₂ − y₁, with {@code run} a combination equal to x₂ − x₁, then the chord.
     * From here on P is named through the gate's wires: x₁ = x₂ − (x₂ − x₁), y₁ = y₂ − (y₂ − y₁), which keeps
     * the combinations of a long chain of additions short.
     */
    private static CircuitPoint slopeAndChord(ConstraintSystem cs, CircuitPoint p, CircuitPoint q,
            LinearCombination run) {
        LinearCombination dy = q.y().minus(p.y());
        Optional<Scalar> runValue = cs.evaluate(run);
        Optional<Scalar> dyValue = cs.evaluate(dy);
        // With x₁ = x₂ the honest slope is taken as 0, which fails the gate (y₂ − y₁ ≠ 0) or the caller's checks.
        Optional<Scalar> slopeValue = runValue.flatMap(a -> dyValue.map(b -> b.multiply(invertOrZero(a))));
        Multiplication slope = cs.allocateMultiplier(slopeValue, runValue);
        cs.constrain(LinearCombination.of(slope.right()).minus(run));
        cs.constrain(LinearCombination.of(slope.output()).minus(dy));
        LinearCombination x1 = q.x().minus(slope.right());
        LinearCombination y1 = q.y().minus(slope.output());
        return chord(cs, LinearCombination.of(slope.left()), x1, y1, q.x());
    }

    /** 2·P (4 gates: x², the slope, x₃, y₃); the result is expressed through this gadget's wires. */
    public static CircuitPoint doubled(ConstraintSystem cs, CircuitPoint p) {
        Multiplication square = cs.multiply(p.x(), p.x());
        LinearCombination numerator = LinearCombination.of(square.output(), Scalar.fromLong(3))
                .plusConstant(CURVE_A);
        LinearCombination twoY = p.y().times(Scalar.fromLong(2));
        Optional<Scalar> twoYValue = cs.evaluate(twoY);
        Optional<Scalar> numeratorValue = cs.evaluate(numerator);
        Optional<Scalar> slopeValue = twoYValue.flatMap(d -> numeratorValue.map(n -> n.multiply(invertOrZero(d))));
        // λ·2y = 3x² + a; y ≠ 0 on Cortado, so λ is unique.
        Multiplication slope = cs.allocateMultiplier(slopeValue, twoYValue);
        cs.constrain(LinearCombination.of(slope.right()).minus(twoY));
        cs.constrain(LinearCombination.of(slope.output()).minus(numerator));
        LinearCombination x1 = LinearCombination.of(square.left());
        LinearCombination y1 = LinearCombination.of(slope.right(), HALF);
        return chord(cs, LinearCombination.of(slope.left()), x1, y1, x1);
    }

    /** Copies a point into fresh wires (1 gate) so that later combinations referring to it stay short. */
    public static CircuitPoint materialize(ConstraintSystem cs, CircuitPoint p) {
        Optional<Scalar[]> value = p.value(cs);
        Multiplication m = cs.allocateMultiplier(value.map(v -> v[0]), value.map(v -> v[1]));
        cs.constrain(LinearCombination.of(m.left()).minus(p.x()));
        cs.constrain(LinearCombination.of(m.right()).minus(p.y()));
        return new CircuitPoint(LinearCombination.of(m.left()), LinearCombination.of(m.right()));
    }

    /** y² = x³ + 3x + b (3 gates). */
    public static void assertOnCurve(ConstraintSystem cs, CircuitPoint p) {
        Multiplication xx = cs.multiply(p.x(), p.x());
        Multiplication cubic = cs.multiply(LinearCombination.of(xx.output()).plusConstant(CURVE_A), p.x());
        Multiplication yy = cs.multiply(p.y(), p.y());
        cs.constrain(LinearCombination.of(yy.output()).minus(cubic.output()).minusConstant(CURVE_B));
    }

    /** Constrains a circuit point to equal a public point (two linear constraints, no gate). */
    public static void assertEquals(ConstraintSystem cs, CircuitPoint p, CortadoPoint expected) {
        CircuitPoint e = CircuitPoint.constant(expected);
        cs.constrain(p.x().minus(e.x()));
        cs.constrain(p.y().minus(e.y()));
    }

    /** Given the slope λ of the line through (x₁, y₁) and a second abscissa x₂: x₃ = λ² − x₁ − x₂, y₃ = λ(x₁ − x₃) − y₁. */
    private static CircuitPoint chord(ConstraintSystem cs, LinearCombination slope, LinearCombination x1,
            LinearCombination y1, LinearCombination x2) {
        Multiplication squared = cs.multiply(slope, slope);
        LinearCombination x3 = LinearCombination.of(squared.output()).minus(x1).minus(x2);
        Multiplication rise = cs.multiply(slope, x1.minus(x3));
        LinearCombination y3 = LinearCombination.of(rise.output()).minus(y1);
        return new CircuitPoint(x3, y3);
    }

    static Scalar invertOrZero(Scalar v) {
        return v.isZero() ? Scalar.zero() : v.invert();
    }
}
