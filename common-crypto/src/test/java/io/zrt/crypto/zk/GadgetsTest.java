package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.gadgets.BitDecomposition;
import io.zrt.crypto.zk.gadgets.Booleans;
import io.zrt.crypto.zk.gadgets.CircuitPoint;
import io.zrt.crypto.zk.gadgets.CortadoGadgets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GadgetsTest {

    private static final BigInteger ELL = Scalars.ORDER;

    static CortadoPoint multiple(long k, CortadoPoint base) {
        return base.multiply(io.zrt.crypto.cortado.Scalar.of(k));
    }

    static CircuitPoint committedPoint(List<Variable> vars, int at) {
        return new CircuitPoint(LinearCombination.of(vars.get(at)), LinearCombination.of(vars.get(at + 1)));
    }

    static List<Scalar> coordinates(CortadoPoint... points) {
        List<Scalar> out = new ArrayList<>();
        for (CortadoPoint p : points) {
            out.add(Scalars.of(p.x().toBigInteger()));
            out.add(Scalars.of(p.y().toBigInteger()));
        }
        return out;
    }

    @Test
    void booleanConstraintAcceptsZeroAndOneOnly() throws Exception {
        for (long v : new long[] {0, 1}) {
            CircuitHarness.proveAndVerify(List.of(Scalars.of(v)),
                    (cs, vars) -> Booleans.constrainBoolean(cs, LinearCombination.of(vars.get(0))));
        }
        CircuitHarness.Circuit circuit = (cs, vars) -> Booleans.constrainBoolean(cs, LinearCombination.of(vars.get(0)));
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver prover = CircuitHarness.prover(List.of(Scalars.of(2)), circuit, commitments);
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        R1csProof forced = prover.proveWithoutChecking();
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, circuit, forced))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void bitDecompositionIsARangeCheck() throws Exception {
        CircuitHarness.Circuit eightBits = (cs, vars) -> BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 8);
        CircuitHarness.proveAndVerify(List.of(Scalars.of(255)), eightBits);
        CircuitHarness.proveAndVerify(List.of(Scalars.of(0)), eightBits);
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver tooLarge = CircuitHarness.prover(List.of(Scalars.of(256)), eightBits, commitments);
        assertThat(tooLarge.multiplierCount()).isEqualTo(8);
        assertThatThrownBy(tooLarge::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        R1csProof forced = tooLarge.proveWithoutChecking();
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, eightBits, forced))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> BitDecomposition.decompose(tooLarge, LinearCombination.zero(), 253))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonBooleanBitsCannotSatisfyTheRangeCheck() {
        // A cheating prover sets "bit" 0 to 256 (and its partner wire to 1 − 256) so that the sum is 256.
        CircuitHarness.Circuit cheating = (cs, vars) -> BitDecomposition.decompose(
                new TamperingSystem(cs).replace(0, Scalars.of(256), Scalars.of(1 - 256)),
                LinearCombination.of(vars.get(0)), 8, Optional.of(BigInteger.ZERO));
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(List.of(Scalars.of(256)), cheating, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);
    }

    @Test
    void fullWidthDecompositionRejectsValuesAtOrAbove2To252AndLambdaPlusEll() throws Exception {
        BigInteger lambda = new BigInteger(251, new Random(5)).setBit(250);
        CircuitHarness.Circuit canonical = (cs, vars) ->
                BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), BitDecomposition.MAX_BITS);
        CircuitHarness.proveAndVerify(List.of(Scalars.of(lambda)), canonical);

        // 2^252 + 5 is a field element (< ℓ) but not below 2^252.
        BigInteger justAbove = BigInteger.ONE.shiftLeft(252).add(BigInteger.valueOf(5));
        assertThat(justAbove).isLessThan(ELL);
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(List.of(Scalars.of(justAbove)), canonical, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);

        // The integer λ + ℓ names the same field element, but its bits do not sum to λ within 252 bits.
        CircuitHarness.Circuit claimPlusEll = (cs, vars) -> BitDecomposition.decompose(cs,
                LinearCombination.of(vars.get(0)), BitDecomposition.MAX_BITS, Optional.of(lambda.add(ELL)));
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver prover = CircuitHarness.prover(List.of(Scalars.of(lambda)), claimPlusEll, commitments);
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        R1csProof forced = prover.proveWithoutChecking();
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, canonical, forced))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void pointAdditionAndDoublingMatchCortado() throws Exception {
        Random rng = new Random(8);
        for (int round = 0; round < 3; round++) {
            CortadoPoint p = multiple(1 + rng.nextInt(1 << 20), Cortado.G);
            CortadoPoint q = multiple(1 + rng.nextInt(1 << 20), Cortado.H);
            CortadoPoint sum = p.add(q);
            CortadoPoint twice = p.add(p);
            CircuitHarness.Circuit circuit = (cs, vars) -> {
                CircuitPoint a = committedPoint(vars, 0);
                CircuitPoint b = committedPoint(vars, 2);
                CortadoGadgets.assertOnCurve(cs, a);
                CortadoGadgets.assertEquals(cs, CortadoGadgets.add(cs, a, b), sum);
                CortadoGadgets.assertEquals(cs, CortadoGadgets.doubled(cs, a), twice);
                CortadoGadgets.assertEquals(cs, CortadoGadgets.add(cs, CircuitPoint.constant(q), a), sum);
            };
            CircuitHarness.proveAndVerify(coordinates(p, q), circuit);
        }
    }

    @Test
    void additionRejectsItsExceptionalCases() {
        CortadoPoint p = multiple(77, Cortado.G);
        for (CortadoPoint q : new CortadoPoint[] {p, p.negate()}) {
            // Any claimed result: with x₁ = x₂ the inverse-witness gate cannot be satisfied.
            CortadoPoint claimed = multiple(154, Cortado.G);
            CircuitHarness.Circuit circuit = (cs, vars) -> CortadoGadgets.assertEquals(cs,
                    CortadoGadgets.add(cs, committedPoint(vars, 0), committedPoint(vars, 2)), claimed);
            List<RistrettoPoint> ignored = new ArrayList<>();
            R1csProver prover = CircuitHarness.prover(coordinates(p, q), circuit, ignored);
            assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        }
    }

    @Test
    void aCheatingSlopeCannotTurnAnExceptionalAdditionIntoAFalseResult() throws Exception {
        // P + P with an incomplete formula leaves the slope free unless x₁ ≠ x₂ is enforced: a cheating prover
        // picks λ = 5 and claims the (false, even off-curve) chord result. The inverse-witness gate must stop it.
        CortadoPoint p = multiple(9, Cortado.G);
        Scalar x1 = Scalars.of(p.x().toBigInteger());
        Scalar y1 = Scalars.of(p.y().toBigInteger());
        Scalar lambda = Scalars.of(5);
        Scalar x3 = lambda.square().subtract(x1).subtract(x1);
        Scalar y3 = lambda.multiply(x1.subtract(x3)).subtract(y1);
        CircuitHarness.Circuit claim = (cs, vars) -> {
            CircuitPoint sum = CortadoGadgets.add(cs, committedPoint(vars, 0), committedPoint(vars, 2));
            cs.constrain(sum.x().minusConstant(x3));
            cs.constrain(sum.y().minusConstant(y3));
        };
        // allocateMultiplier call 0 is the inverse-witness gate, call 1 the slope gate.
        CircuitHarness.Circuit cheating = (cs, vars) -> claim.build(
                new TamperingSystem(cs).replace(0, null, Scalars.of(12345)).replace(1, lambda, null), vars);
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver prover = CircuitHarness.prover(coordinates(p, p), cheating, commitments);
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        R1csProof forced = prover.proveWithoutChecking();
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, claim, forced))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aCheatingDoublingSlopeIsRejected() {
        CortadoPoint p = multiple(11, Cortado.G);
        CircuitHarness.Circuit cheating = (cs, vars) -> CortadoGadgets.doubled(
                new TamperingSystem(cs).replace(0, Scalars.of(7), null), committedPoint(vars, 0));
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(coordinates(p), cheating, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);
    }

    @Test
    void aPointOffTheCurveIsRejected() throws Exception {
        CortadoPoint p = multiple(5, Cortado.G);
        List<Scalar> offCurve = List.of(Scalars.of(p.x().toBigInteger()), Scalars.of(p.y().toBigInteger().add(BigInteger.ONE)));
        CircuitHarness.Circuit circuit = (cs, vars) -> CortadoGadgets.assertOnCurve(cs, committedPoint(vars, 0));
        CircuitHarness.proveAndVerify(coordinates(p), circuit);
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(offCurve, circuit, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);
        assertThatThrownBy(() -> CircuitPoint.constant(CortadoPoint.infinity())).isInstanceOf(IllegalArgumentException.class);
    }
}
