package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorsAndScalarsTest {

    @Test
    void generatorsFollowTheDocumentedLabelsAndAreDistinct() {
        assertThat(Generators.valueBase()).isEqualTo(RistrettoPoint.basepoint());
        assertThat(Generators.blindingBase()).isEqualTo(RistrettoPoint.hashToGroup("zrt/v1/zk/pedersen",
                "blinding".getBytes(StandardCharsets.UTF_8)));
        assertThat(Generators.vectorG(3)).isEqualTo(RistrettoPoint.hashToGroup("zrt/v1/zk/vector",
                new byte[] {'G', 3, 0, 0, 0}));
        assertThat(Generators.vectorH(258)).isEqualTo(RistrettoPoint.hashToGroup("zrt/v1/zk/vector",
                new byte[] {'H', 2, 1, 0, 0}));
        Set<RistrettoPoint> seen = new HashSet<>();
        seen.add(Generators.valueBase());
        seen.add(Generators.blindingBase());
        for (int i = 0; i < 300; i++) {
            seen.add(Generators.vectorG(i));
            seen.add(Generators.vectorH(i));
        }
        assertThat(seen).hasSize(602);
    }

    @Test
    void scalarHelpersAgreeWithIntegerArithmetic() {
        assertThat(Scalars.of(-5).add(Scalars.of(5))).isEqualTo(Scalar.zero());
        assertThat(Scalars.toBigInteger(Scalars.of(Long.MIN_VALUE)))
                .isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).mod(Scalars.ORDER));
        BigInteger big = BigInteger.ONE.shiftLeft(300).add(BigInteger.TEN);
        assertThat(Scalars.toBigInteger(Scalars.of(big))).isEqualTo(big.mod(Scalars.ORDER));
        assertThat(Scalars.powers(Scalars.of(3), 4)).containsExactly(Scalars.of(1), Scalars.of(3), Scalars.of(9),
                Scalars.of(27));
        assertThat(R1csProofProtocol.paddedSize(0)).isEqualTo(1);
        assertThat(R1csProofProtocol.paddedSize(5)).isEqualTo(8);
        assertThat(R1csProofProtocol.paddedSize(8)).isEqualTo(8);
        assertThat(R1csProof.encodedLength(16384)).isEqualTo(32 * (13 + 28));
    }

    @Test
    void foldingCoefficientsMatchTheirDefinition() {
        Scalar[] u = {Scalars.of(2), Scalars.of(3), Scalars.of(5)};
        Scalar[] uInv = Scalar.batchInvert(u);
        Scalar[] s = InnerProductArgument.foldingCoefficients(u, uInv, 8);
        for (int i = 0; i < 8; i++) {
            Scalar expected = Scalar.one();
            for (int k = 0; k < 3; k++) {
                boolean bit = ((i >> (2 - k)) & 1) == 1;
                expected = expected.multiply(bit ? u[k] : uInv[k]);
            }
            assertThat(s[i]).isEqualTo(expected);
            assertThat(s[i].multiply(s[7 - i])).isEqualTo(Scalar.one());
        }
    }

    @Test
    void constraintsOnUnknownVariablesAreProgrammingErrors() {
        R1csVerifier verifier = new R1csVerifier(io.zrt.crypto.transcript.Transcript.create("t"));
        assertThatThrownBy(() -> verifier.constrain(LinearCombination.of(new Variable(Variable.Kind.LEFT, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> verifier.multiply(LinearCombination.of(new Variable(Variable.Kind.COMMITTED, 2)),
                LinearCombination.zero())).isInstanceOf(IllegalArgumentException.class);
    }
}
