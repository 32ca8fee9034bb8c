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
        for (int bits : new int[] {3, 8, 9, 16}) {
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
        // 252 booleans + 126 shared pair products + 2 chains × 125 additions × 4 gates.
        assertThat(prover.multiplierCount()).isEqualTo(252 + 126 + 2 * 125 * 4);
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
    void aCraftedBaseThatForcesAnExceptionalAdditionCannotBeExploited() throws Exception {
        // Base = the auxiliary point H itself and λ = 1: after window 0 the sum is H + 1·H = 2H, and window 1
        // adds its offset 2H: x₁ = x₂. The inverse-witness gate makes this unprovable (a denial of service for
        // an honest prover facing a crafted co-path key, never a way to prove a false statement).
        CortadoPoint crafted = Cortado.H;
        BigInteger lambda = BigInteger.ONE;
        CortadoPoint claimed = crafted;
        CircuitHarness.Circuit circuit = (cs, vars) -> {
            BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 8);
            CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, d, crafted), claimed);
        };
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProver prover = CircuitHarness.prover(List.of(Scalars.of(lambda)), circuit, commitments);
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        R1csProof forced = prover.proveWithoutChecking();
        assertThatThrownBy(() -> CircuitHarness.verify(commitments, circuit, forced))
                .isInstanceOf(VerificationException.class);
        // The same crafted base with a scalar that avoids the collision still works.
        CircuitHarness.proveAndVerify(List.of(Scalars.of(6)), (cs, vars) -> {
            BitDecomposition d = BitDecomposition.decompose(cs, LinearCombination.of(vars.get(0)), 8);
            CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, d, crafted),
                    times(BigInteger.valueOf(6), crafted));
        });
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
