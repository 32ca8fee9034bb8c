package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;
import io.zrt.crypto.zk.gadgets.Booleans;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public wire classification and proofs whose commitments use it (bits, constants). */
class PublicWiresTest {

    private static final String LABEL = "zrt/test/public-wires";

    /**
     * 40 bits (gates 0..39) recomposed into a committed value, a gate whose output is fixed to 12 (gate 40),
     * a gate with L + R = 1 but no zero output (gate 41, so not a bit) and a free product (gate 42).
     */
    private static void build(ConstraintSystem cs, Variable committed, Optional<Long> value) {
        LinearCombination.Builder sum = LinearCombination.builder();
        Scalar power = Scalar.one();
        Variable firstBit = null;
        for (int j = 0; j < 40; j++) {
            int bit = j;
            Variable b = Booleans.allocateBit(cs, value.map(v -> ((v >>> bit) & 1) == 1));
            firstBit = j == 0 ? b : firstBit;
            sum.add(b, power);
            power = power.add(power);
        }
        cs.constrain(sum.build().minus(LinearCombination.of(committed)));
        Multiplication fixed = cs.allocateMultiplier(value.map(v -> Scalars.of(3)), value.map(v -> Scalars.of(4)));
        cs.constrain(LinearCombination.of(fixed.output()).minusConstant(Scalars.of(12)));
        Multiplication notBit = cs.allocateMultiplier(value.map(v -> Scalars.of(5)), value.map(v -> Scalars.of(-4)));
        cs.constrain(LinearCombination.of(notBit.left()).plus(notBit.right()).minusConstant(Scalar.one()));
        Multiplication free = cs.allocateMultiplier(value.map(v -> Scalars.of(v)), value.map(v -> Scalars.of(7)));
        cs.constrain(LinearCombination.of(free.left()).minus(LinearCombination.of(committed)));
        // Gate 43 copies a secret (L42) and a bit (L0); gate 45 copies a constant (L44 = 5) and a secret (R44).
        cs.multiply(LinearCombination.of(free.left()), LinearCombination.of(firstBit));
        Multiplication k = cs.allocateMultiplier(value.map(v -> Scalars.of(5)), value.map(v -> Scalars.of(v + 2)));
        cs.constrain(LinearCombination.of(k.left()).minusConstant(Scalars.of(5)));
        cs.multiply(LinearCombination.of(k.left()), LinearCombination.of(k.right()));
    }

    @Test
    void classifiesBitsConstantsAndSecrets() {
        R1csProver prover = new R1csProver(Transcript.create(LABEL));
        Variable pv = prover.commit(Scalars.of(1000)).variable();
        build(prover, pv, Optional.of(1000L));
        PublicWires wires = PublicWires.of(prover.constraints(), prover.multiplierCount());
        for (int i = 0; i < 40; i++) {
            assertThat(wires.left[i]).isEqualTo(PublicWires.BIT);
            assertThat(wires.right[i]).isEqualTo(PublicWires.BIT);
            assertThat(wires.output[i]).isEqualTo(PublicWires.CONSTANT);
        }
        assertThat(wires.output[40]).isEqualTo(PublicWires.CONSTANT);
        assertThat(wires.left[40]).isEqualTo(PublicWires.SECRET);
        assertThat(wires.left[41]).isEqualTo(PublicWires.SECRET);
        assertThat(wires.right[41]).isEqualTo(PublicWires.SECRET);
        assertThat(wires.output[41]).isEqualTo(PublicWires.SECRET);
        assertThat(wires.count(wires.left, PublicWires.BIT)).isEqualTo(40);
        int gates = prover.multiplierCount();
        assertThat(gates).isEqualTo(46);
        assertThat(wires.left[42]).isEqualTo(PublicWires.MERGED);
        assertThat(wires.left[43]).isEqualTo(PublicWires.MERGED);
        assertThat(wires.right[43]).isEqualTo(PublicWires.BIT);
        assertThat(wires.left[44]).isEqualTo(PublicWires.CONSTANT);
        assertThat(wires.left[45]).isEqualTo(PublicWires.CONSTANT);
        assertThat(wires.right[44]).isEqualTo(PublicWires.MERGED);
        assertThat(wires.right[45]).isEqualTo(PublicWires.MERGED);
        assertThat(wires.mergedClasses).isDeepEqualTo(new int[][] {{42, 43}, {gates + 44, gates + 45}});
        assertThat(PublicWires.allSecret(gates).mergedClasses).isEmpty();
        assertThat(PublicWires.allSecret(5).count(PublicWires.allSecret(5).left, PublicWires.SECRET)).isEqualTo(5);
    }

    @Test
    void proofsUsingTheClassificationVerifyAndBindTheWitness() throws CryptoException {
        for (long value : new long[] {0, 1, 1000, (1L << 40) - 1}) {
            Transcript t = Transcript.create(LABEL);
            R1csProver prover = new R1csProver(t);
            Commitment c = prover.commit(Scalars.of(value));
            build(prover, c.variable(), Optional.of(value));
            R1csProof proof = prover.prove();
            R1csVerifier verifier = new R1csVerifier(Transcript.create(LABEL));
            build(verifier, verifier.commit(c.point()), Optional.empty());
            assertThatCode(() -> verifier.verify(proof)).doesNotThrowAnyException();
            R1csVerifier other = new R1csVerifier(Transcript.create(LABEL));
            build(other, other.commit(Msm.pedersen(Scalars.of(value + 1), Scalars.of(9))), Optional.empty());
            assertThatThrownBy(() -> other.verify(proof)).isInstanceOf(VerificationException.class);
        }
    }
}
