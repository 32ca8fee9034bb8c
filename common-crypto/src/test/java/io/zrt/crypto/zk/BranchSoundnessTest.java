package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.zk.branch.BranchCircuit;
import io.zrt.crypto.zk.branch.BranchProof;
import io.zrt.crypto.zk.branch.BranchStatement;
import io.zrt.crypto.zk.branch.BranchVerifier;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cheating provers against the branch circuit: each tries to prove an inconsistent path (the desynchronising
 * kind: members would derive other keys than those published). Each witness is shown unsatisfiable, and the
 * proof the cheater forces out of the engine anyway is rejected by the honest {@link BranchVerifier}.
 */
class BranchSoundnessTest {

    private static final BigInteger ELL = Scalars.ORDER;
    private static final byte[] AD = new byte[32];

    private static CortadoPoint times(BigInteger k, CortadoPoint base) {
        return base.multiply(io.zrt.crypto.cortado.Scalar.reduce(k));
    }

    private static BigInteger iota(CortadoPoint p) {
        return p.x().toBigInteger();
    }

    /** Builds the prover side with the given secrets, checks it is unsatisfied, forces a proof. */
    private static BranchProof forcedProof(BranchStatement statement, List<BigInteger> secrets) {
        R1csProver prover = new R1csProver(BranchCircuit.transcript(statement));
        BranchCircuit.build(prover, statement, Optional.of(secrets));
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        return new BranchProof(prover.proveWithoutChecking());
    }

    @Test
    void lambdaPlusEllInTheDiffieHellmanChainIsRejected() {
        Random rng = new Random(41);
        BigInteger lambda = new BigInteger(251, rng).setBit(250);
        CortadoPoint coPath = times(new BigInteger(250, rng), Cortado.G);
        // The cheater's next secret comes from (λ + ℓ)·C (a different Cortado scalar, since ℓ ≠ r), while
        // Q₀ = λ·G: whoever holds C's secret derives x(λ·C) and a different tree key.
        BigInteger cheatingNext = iota(times(lambda.add(ELL), coPath));
        assertThat(cheatingNext).isNotEqualTo(iota(times(lambda, coPath)));
        BranchStatement statement = new BranchStatement(false, AD,
                List.of(times(lambda, Cortado.G), times(cheatingNext, Cortado.G)), List.of(coPath));
        BranchProof forced = forcedProof(statement, List.of(lambda, cheatingNext));
        assertThatThrownBy(() -> BranchVerifier.verify(statement, forced.encode()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void lambdaPlusEllInThePublicKeyChainIsRejected() {
        Random rng = new Random(42);
        BigInteger lambda = new BigInteger(251, rng).setBit(250);
        CortadoPoint coPath = times(new BigInteger(250, rng), Cortado.G);
        BigInteger next = iota(times(lambda, coPath));
        CortadoPoint cheatingLeafKey = times(lambda.add(ELL), Cortado.G);
        BranchStatement statement = new BranchStatement(false, AD,
                List.of(cheatingLeafKey, times(next, Cortado.G)), List.of(coPath));
        // Neither λ (whose bits give λ·G) nor λ + ℓ (which has no 252-bit expansion) satisfies it.
        for (BigInteger claimed : List.of(lambda, lambda.add(ELL))) {
            BranchProof forced = forcedProof(statement, List.of(claimed, next));
            assertThatThrownBy(() -> BranchVerifier.verify(statement, forced))
                    .isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void anInternallyInconsistentPathIsRejected() {
        Random rng = new Random(43);
        BigInteger lambda = new BigInteger(251, rng).setBit(250);
        CortadoPoint coPath = times(new BigInteger(250, rng), Cortado.G);
        // Q₁ is a key the sender knows but not the ratchet of λ₀: members would compute another root key.
        BigInteger unrelated = new BigInteger(251, rng).setBit(250);
        BranchStatement statement = new BranchStatement(false, AD,
                List.of(times(lambda, Cortado.G), times(unrelated, Cortado.G)), List.of(coPath));
        BranchProof forced = forcedProof(statement, List.of(lambda, unrelated));
        assertThatThrownBy(() -> BranchVerifier.verify(statement, forced))
                .isInstanceOf(VerificationException.class);
    }
}
