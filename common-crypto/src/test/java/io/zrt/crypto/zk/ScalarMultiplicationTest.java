package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.gadgets.BitDecomposition;
import io.zrt.crypto.zk.gadgets.CircuitPoint;
import io.zrt.crypto.zk.gadgets.CortadoGadgets;
import io.zrt.crypto.zk.gadgets.ScalarMultiplication;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalarMultiplicationTest {

    private static final BigInteger ELL = Scalars.ORDER;

    private static CortadoPoint times(BigInteger k, CortadoPoint base) {
        return base.multiply(io.zrt.crypto.cortado.Scalar.reduce(k));
    }

    /** One ART level: Q = λ·G and x(λ·C) = next, with one shared decomposition of λ. */
    private static CircuitHarness.Circuit level(CortadoPoint q, CortadoPoint c, BigInteger next, int bits) {
        return (cs, vars) -> {
            BitDecomposition lambda = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), bits);
            CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, lambda, Cortado.G), q);
            CircuitPoint dh = ScalarMultiplication.fixedBase(cs, lambda, c);
            cs.constrain(dh.x().minusConstant(Scalars.of(next)));
        };
    }

    @Test
    void fixedBaseMatchesCortadoForOddAndEvenBitCounts() throws Exception {
        Random rng = new Random(12);
        for (int bits : new int[] {4, 8, 9, 16}) {
            BigInteger lambda = new BigInteger(bits, rng).max(BigInteger.ONE);
            CortadoPoint expected = times(lambda, Cortado.G);
            CircuitHarness.proveAndVerify(List.of(Scalars.of(lambda)), (cs, vars) -> {
                BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), bits);
                CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, d, Cortado.G), expected);
            });
        }
    }

    @Test
    void aFullArtLevelProvesAndSharesTheDecomposition() throws Exception {
        Random rng = new Random(13);
        BigInteger lambda = new BigInteger(252, rng).max(BigInteger.TWO);
        CortadoPoint c = times(new BigInteger(250, rng), Cortado.G);
        CortadoPoint q = times(lambda, Cortado.G);
        BigInteger next = times(lambda, c).x().toBigInteger();
        CircuitHarness.Circuit circuit = level(q, c, next, 252);
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver prover = CircuitHarness.prover(List.of(Scalars.of(lambda)), circuit, commitments);
        // 252 booleans + 84 windows × 4 shared monomials + 2 chains × (82 three-gate additions + one of 4).
        assertThat(prover.multiplierCount()).isEqualTo(252 + 84 * 4 + 2 * (82 * 3 + 4));
        R1csProof proof = prover.prove();
        CircuitHarness.verify(commitments, circuit, proof);
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, level(q, c, next.add(BigInteger.ONE), 252), proof))
                .isInstanceOf(VerificationException.class);
        CortadoPoint otherCoPath = c.add(Cortado.G);
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, level(q, otherCoPath, next, 252), proof))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void lambdaInOnePlaceAndLambdaPlusEllInAnotherIsUnsatisfiable() throws Exception {
        Random rng = new Random(14);
        BigInteger lambda = new BigInteger(252, rng).max(BigInteger.TWO);
        CortadoPoint c = times(new BigInteger(250, rng), Cortado.G);
        CortadoPoint q = times(lambda, Cortado.G);
        // The reference circuit's flaw: chain B computed with λ + ℓ (a different Cortado scalar, ℓ ≠ r).
        BigInteger cheatingNext = times(lambda.add(ELL), c).x().toBigInteger();
        assertThat(cheatingNext).isNotEqualTo(times(lambda, c).x().toBigInteger());

        // (a) One shared decomposition: the chain B result is λ·C, which does not match.
        CircuitHarness.Circuit shared = level(q, c, cheatingNext, 252);
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver prover = CircuitHarness.prover(List.of(Scalars.of(lambda)), shared, commitments);
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        R1csProof forced = prover.proveWithoutChecking();
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, shared, forced))
                .isInstanceOf(VerificationException.class);

        // (b) Even a circuit that decomposed λ a second time for chain B cannot take the bits of λ + ℓ.
        CircuitHarness.Circuit twice = (cs, vars) -> {
            LinearCombination v = LinearCombination.of(vars.get(0));
            BitDecomposition a = BitDecomposition.decompose(cs, v, 252);
            BitDecomposition b = BitDecomposition.decompose(cs, v, 252, Optional.of(lambda.add(ELL)));
            CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, a, Cortado.G), q);
            cs.constrain(ScalarMultiplication.fixedBase(cs, b, c).x().minusConstant(Scalars.of(cheatingNext)));
        };
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(List.of(Scalars.of(lambda)), twice, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);
    }

    @Test
    void fullSizeScalarsIncludingEdgeValuesGiveTheRightPoint() throws Exception {
        Random rng = new Random(16);
        CortadoPoint base = times(new BigInteger(251, rng), Cortado.G);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, BigInteger.TWO,
                BigInteger.ONE.shiftLeft(251), BigInteger.ONE.shiftLeft(252).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(249).subtract(BigInteger.ONE)));
        for (int i = 0; i < 20; i++) {
            scalars.add(new BigInteger(252, rng).max(BigInteger.ONE));
        }
        for (BigInteger lambda : scalars) {
            CortadoPoint expected = times(lambda, base);
            List<RistrettoPoint> ignored = new ArrayList<>();
            CircuitHarness.prover(List.of(Scalars.of(lambda)), (cs, vars) -> {
                BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 252);
                CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, d, base), expected);
            }, ignored).checkSatisfied();
        }
    }

    @Test
    void theLastAdditionKeepsItsInverseWitness() throws Exception {
        // With 8 bits (windows of 3, 3 and 2 bits) the entries are (d + 2)·P, (d + 2)·8P and (64d − 18)·P. For
        // λ = 92 (digits 4, 3, 1) the partial sum 46·P meets the last entry 46·P: a doubling, where the slope of
        // a bare 3-gate addition would be free and the "sum" any point on a line. The inverse witness of the
        // last addition makes it unprovable instead — for any base, and whatever point is claimed.
        CortadoPoint base = times(BigInteger.valueOf(987_654_321L), Cortado.G);
        for (CortadoPoint claimed : List.of(times(BigInteger.valueOf(92), base), base, Cortado.H)) {
            CircuitHarness.Circuit circuit = (cs, vars) -> {
                BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 8);
                CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, d, base), claimed);
            };
            List<RistrettoPoint> commitments = new ArrayList<>();
            R1csProver prover = CircuitHarness.prover(List.of(Scalars.of(92)), circuit, commitments);
            assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
            R1csProof forced = prover.proveWithoutChecking();
            assertThatThrownBy(() -> CircuitHarness.verify(commitments, circuit, forced))
                    .isInstanceOf(VerificationException.class);
        }
        // A cheating prover who would pick the slope of that doubling freely (allocation 9: the bits are
        // allocations 0–7, the slope of window 1 is 8) to steer x(λ·P) anywhere — what chain B's x-coordinate
        // feeds into the next level — is stopped by the same witness.
        Scalar freeSlope = Scalar.fromLong(12_345);
        Scalar x1 = Scalars.of(times(BigInteger.valueOf(46), base).x().toBigInteger());
        Scalar steered = freeSlope.multiply(freeSlope).subtract(x1).subtract(x1);
        CircuitHarness.Circuit steering = (cs, vars) -> {
            ConstraintSystem cheat = new TamperingSystem(cs).replace(9, freeSlope, null);
            BitDecomposition d = BitDecomposition.decompose(cheat, LinearCombination.of(vars.get(0)), 8);
            cheat.constrain(ScalarMultiplication.fixedBase(cheat, d, base).x().minusConstant(steered));
        };
        List<RistrettoPoint> steeringCommitments = new ArrayList<>();
        R1csProver steeringProver = CircuitHarness.prover(List.of(Scalars.of(92)), steering, steeringCommitments);
        assertThatThrownBy(steeringProver::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        // Its neighbours are fine.
        for (int lambda : new int[] {91, 93}) {
            CircuitHarness.proveAndVerify(List.of(Scalars.of(lambda)), (cs, vars) -> {
                BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 8);
                CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, d, base),
                        times(BigInteger.valueOf(lambda), base));
            });
        }
    }

    @Test
    void zeroScalarCannotBeProved() {
        CircuitHarness.Circuit circuit = (cs, vars) -> {
            BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 8);
            ScalarMultiplication.fixedBase(cs, d, Cortado.G);
        };
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(List.of(Scalar.zero()), circuit, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);
    }

    @Test
    void variableBaseMatchesCortado() throws Exception {
        Random rng = new Random(15);
        CortadoPoint base = times(new BigInteger(200, rng), Cortado.G);
        BigInteger lambda = BigInteger.valueOf(1 + rng.nextInt(1000));
        CortadoPoint expected = times(lambda, base);
        List<Scalar> secrets = List.of(Scalars.of(lambda), Scalars.of(base.x().toBigInteger()),
                Scalars.of(base.y().toBigInteger()));
        CircuitHarness.Circuit circuit = (cs, vars) -> {
            BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 10);
            CircuitPoint p = new CircuitPoint(LinearCombination.of(vars.get(1)), LinearCombination.of(vars.get(2)));
            CortadoGadgets.assertEquals(cs, ScalarMultiplication.variableBase(cs, d, p), expected);
        };
        CircuitHarness.proveAndVerify(secrets, circuit);
        List<Scalar> wrongBase = List.of(secrets.get(0), Scalars.of(base.x().toBigInteger()),
                Scalars.of(base.y().toBigInteger()).negate());
        List<RistrettoPoint> ignored = new ArrayList<>();
        assertThatThrownBy(() -> CircuitHarness.prover(wrongBase, circuit, ignored).checkSatisfied())
                .isInstanceOf(UnsatisfiedConstraintException.class);
    }
}
