package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class R1csProofTest {

    private static final String LABEL = "zrt/test/r1cs";

    /** A proved statement: the proof, the commitments and the circuit the verifier must rebuild. */
    record Proved(R1csProof proof, List<RistrettoPoint> commitments, RandomCircuit circuit, byte[] publicInput) {
    }

    static Proved prove(long seed, int commitments, int gates) throws CryptoException {
        Random rng = new Random(seed);
        byte[] publicInput = ("statement " + seed).getBytes(StandardCharsets.UTF_8);
        Transcript t = Transcript.create(LABEL);
        t.appendMessage("public", publicInput);
        R1csProver prover = new R1csProver(t);
        List<Variable> vars = new ArrayList<>();
        List<RistrettoPoint> points = new ArrayList<>();
        for (int j = 0; j < commitments; j++) {
            Commitment c = prover.commit(Scalars.of(rng.nextLong()));
            vars.add(c.variable());
            points.add(c.point());
        }
        RandomCircuit circuit = new RandomCircuit(seed, gates);
        circuit.build(prover, vars);
        return new Proved(prover.prove(), points, circuit, publicInput);
    }

    static R1csVerifier statement(Proved p, String label, byte[] publicInput, List<RistrettoPoint> commitments) {
        Transcript t = Transcript.create(label);
        t.appendMessage("public", publicInput);
        R1csVerifier verifier = new R1csVerifier(t);
        List<Variable> vars = new ArrayList<>();
        for (RistrettoPoint v : commitments) {
            vars.add(verifier.commit(v));
        }
        p.circuit().build(verifier, vars);
        return verifier;
    }

    static R1csVerifier statement(Proved p) {
        return statement(p, LABEL, p.publicInput(), p.commitments());
    }

    @ParameterizedTest
    @CsvSource({"1,0,1", "2,1,1", "3,2,2", "4,1,3", "5,3,8", "6,0,13", "7,4,32", "8,2,100"})
    void randomSatisfiableCircuitsVerify(long seed, int commitments, int gates) throws CryptoException {
        Proved p = prove(seed, commitments, gates);
        assertThat(p.proof().innerProduct().rounds())
                .isEqualTo(Integer.numberOfTrailingZeros(R1csProofProtocol.paddedSize(gates)));
        R1csVerifier verifier = statement(p);
        assertThat(verifier.multiplierCount()).isEqualTo(gates);
        assertThatCode(() -> verifier.verify(p.proof())).doesNotThrowAnyException();
        byte[] encoded = p.proof().encode();
        assertThat(encoded).hasSize(R1csProof.encodedLength(gates));
        assertThat(R1csProof.decode(encoded).encode()).isEqualTo(encoded);
        assertThatCode(() -> statement(p).verify(encoded)).doesNotThrowAnyException();
    }

    @Test
    void proofsMadeWithParallelMultiplicationsVerify() throws CryptoException {
        String before = System.getProperty("zrt.msm.threads");
        Proved p;
        try {
            System.setProperty("zrt.msm.threads", "2");
            p = prove(21, 2, 2000);
        } finally {
            if (before == null) {
                System.clearProperty("zrt.msm.threads");
            } else {
                System.setProperty("zrt.msm.threads", before);
            }
        }
        Proved proof = p;
        assertThatCode(() -> statement(proof).verify(proof.proof())).doesNotThrowAnyException();
        R1csVerifier other = statement(p, LABEL, "another statement".getBytes(StandardCharsets.UTF_8), p.commitments());
        assertThatThrownBy(() -> other.verify(proof.proof())).isInstanceOf(VerificationException.class);
    }

    @Test
    void aCircuitWithoutGatesStillProvesItsLinearConstraints() throws CryptoException {
        Transcript t = Transcript.create(LABEL);
        R1csProver prover = new R1csProver(t);
        Commitment a = prover.commit(Scalars.of(5));
        Commitment b = prover.commit(Scalars.of(7));
        prover.constrain(LinearCombination.of(a.variable()).plus(b.variable()).minusConstant(Scalars.of(12)));
        R1csProof proof = prover.prove();
        R1csVerifier ok = new R1csVerifier(Transcript.create(LABEL));
        LinearCombination sum = LinearCombination.of(ok.commit(a.point())).plus(ok.commit(b.point()));
        ok.constrain(sum.minusConstant(Scalars.of(12)));
        assertThatCode(() -> ok.verify(proof)).doesNotThrowAnyException();
        R1csVerifier other = new R1csVerifier(Transcript.create(LABEL));
        LinearCombination sum2 = LinearCombination.of(other.commit(a.point())).plus(other.commit(b.point()));
        other.constrain(sum2.minusConstant(Scalars.of(13)));
        assertThatThrownBy(() -> other.verify(proof)).isInstanceOf(VerificationException.class);
    }

    @Test
    void wrongWitnessIsRefusedByTheProverAndAForcedProofFails() throws CryptoException {
        // Claim x·y = 35 with x = 5, y = 8 (40): unsatisfiable.
        Transcript t = Transcript.create(LABEL);
        R1csProver prover = new R1csProver(t);
        Commitment x = prover.commit(Scalars.of(5));
        Commitment y = prover.commit(Scalars.of(8));
        Multiplication m = prover.multiply(LinearCombination.of(x.variable()), LinearCombination.of(y.variable()));
        prover.constrain(LinearCombination.of(m.output()).minusConstant(Scalars.of(35)));
        assertThatThrownBy(prover::checkSatisfied).isInstanceOf(UnsatisfiedConstraintException.class);
        assertThatThrownBy(prover::prove).isInstanceOf(UnsatisfiedConstraintException.class);

        R1csProver forced = new R1csProver(Transcript.create(LABEL));
        Commitment fx = forced.commit(Scalars.of(5));
        Commitment fy = forced.commit(Scalars.of(8));
        Multiplication fm = forced.multiply(LinearCombination.of(fx.variable()), LinearCombination.of(fy.variable()));
        forced.constrain(LinearCombination.of(fm.output()).minusConstant(Scalars.of(35)));
        R1csProof bad = forced.proveWithoutChecking();

        R1csVerifier verifier = new R1csVerifier(Transcript.create(LABEL));
        Variable vx = verifier.commit(fx.point());
        Variable vy = verifier.commit(fy.point());
        Multiplication vm = verifier.multiply(LinearCombination.of(vx), LinearCombination.of(vy));
        verifier.constrain(LinearCombination.of(vm.output()).minusConstant(Scalars.of(35)));
        assertThatThrownBy(() -> verifier.verify(bad)).isInstanceOf(VerificationException.class);
    }

    @Test
    void everySingleAlteredByteIsRejected() throws CryptoException {
        Proved p = prove(11, 2, 4);
        byte[] good = p.proof().encode();
        Random rng = new Random(99);
        int decodeRejections = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 + rng.nextInt(255));
            try {
                R1csProof decoded = R1csProof.decode(bad);
                assertThatThrownBy(() -> statement(p).verify(decoded))
                        .as("byte %d", i).isInstanceOf(VerificationException.class);
            } catch (InvalidEncodingException expected) {
                decodeRejections++;
            }
        }
        assertThat(decodeRejections).isPositive().isLessThan(good.length);
    }

    @Test
    void differentPublicInputsCommitmentsOrLabelsAreRejected() throws CryptoException {
        Proved p = prove(21, 2, 6);
        assertThatCode(() -> statement(p).verify(p.proof())).doesNotThrowAnyException();
        byte[] otherInput = "statement 22".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> statement(p, LABEL, otherInput, p.commitments()).verify(p.proof()))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> statement(p, "zrt/test/other", p.publicInput(), p.commitments()).verify(p.proof()))
                .isInstanceOf(VerificationException.class);
        List<RistrettoPoint> swapped = List.of(p.commitments().get(1), p.commitments().get(0));
        assertThatThrownBy(() -> statement(p, LABEL, p.publicInput(), swapped).verify(p.proof()))
                .isInstanceOf(VerificationException.class);
        List<RistrettoPoint> shifted = List.of(p.commitments().get(0).add(RistrettoPoint.basepoint()),
                p.commitments().get(1));
        assertThatThrownBy(() -> statement(p, LABEL, p.publicInput(), shifted).verify(p.proof()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aProofForAnotherCircuitSizeIsRejected() throws CryptoException {
        Proved small = prove(31, 1, 4);
        Proved large = prove(31, 1, 8);
        assertThatThrownBy(() -> statement(large).verify(small.proof()))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> statement(small).verify(large.proof()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void batchVerificationAcceptsGoodBatchesAndNamesABadProof() throws CryptoException {
        List<Proved> proofs = new ArrayList<>();
        int[] sizes = {1, 3, 8, 5, 16};
        for (int k = 0; k < sizes.length; k++) {
            proofs.add(prove(40 + k, k % 3, sizes[k]));
        }
        BatchVerifier good = new BatchVerifier();
        for (Proved p : proofs) {
            good.add(statement(p), p.proof());
        }
        assertThat(good.size()).isEqualTo(sizes.length);
        assertThatCode(good::verify).doesNotThrowAnyException();

        BatchVerifier bad = new BatchVerifier();
        for (int k = 0; k < proofs.size(); k++) {
            Proved p = proofs.get(k);
            byte[] publicInput = k == 3 ? "tampered".getBytes(StandardCharsets.UTF_8) : p.publicInput();
            bad.add(statement(p, LABEL, publicInput, p.commitments()), p.proof());
        }
        assertThatThrownBy(bad::verify).isInstanceOf(VerificationException.class).hasMessageContaining("proof 3");
    }

    @Test
    void proverAndVerifierAreSingleUse() throws CryptoException {
        Proved p = prove(51, 1, 2);
        R1csVerifier verifier = statement(p);
        assertThatCode(() -> verifier.verify(p.proof())).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify(p.proof())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void proofsAreRandomisedAndSecretsAreNotPrinted() throws CryptoException {
        Proved a = prove(61, 1, 2);
        Proved b = prove(61, 1, 2);
        assertThat(a.proof().encode()).isNotEqualTo(b.proof().encode());
        assertThat(a.proof().tHat().toString()).contains("redacted");
    }
}
