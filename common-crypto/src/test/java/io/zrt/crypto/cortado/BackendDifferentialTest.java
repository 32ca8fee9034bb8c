package io.zrt.crypto.cortado;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.Hex;
import io.zrt.crypto.Vectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The default limb backend against BouncyCastle's generic curve (the reference) on thousands of seeded random
 * inputs plus the edge cases of each algorithm: scalars near r, the scalars that make the last addition of
 * a multiplication a doubling, infinity and P = ±Q in additions and combinations.
 */
class BackendDifferentialTest {

    private static final CurveArithmetic FAST = new JacobianArithmetic(Cortado.G);
    private static final CurveArithmetic REFERENCE =
            new BouncyCastleArithmetic(Cortado.A.toBigInteger(), Cortado.B.toBigInteger(), Cortado.G);
    private static final BigInteger R = Cortado.R;
    private static final int RANDOM_CASES = 1000;

    @Test
    void defaultBackendIsTheLimbBackend() {
        assertThat(Cortado.ARITHMETIC).isInstanceOf(JacobianArithmetic.class);
    }

    @Test
    void additionAgreesIncludingDoublingInverseAndInfinity() {
        SplittableRandom random = new SplittableRandom(101);
        CortadoPoint infinity = CortadoPoint.infinity();
        for (int i = 0; i < RANDOM_CASES; i++) {
            CortadoPoint p = randomPoint(random);
            CortadoPoint q = randomPoint(random);
            assertSameAdd(p, q);
            assertSameAdd(p, p);
            assertSameAdd(p, p.negate());
            assertSameAdd(p, infinity);
            assertSameAdd(infinity, p);
        }
        assertSameAdd(infinity, infinity);
        assertThat(FAST.add(Cortado.G, Cortado.G.negate()).isInfinity()).isTrue();
        assertThat(FAST.add(Cortado.G, Cortado.G)).isEqualTo(REFERENCE.multiply(Cortado.G, Scalar.of(2)));
    }

    @Test
    void variableBaseMultiplicationAgreesOnRandomAndEdgeScalars() {
        SplittableRandom random = new SplittableRandom(102);
        for (int i = 0; i < RANDOM_CASES; i++) {
            CortadoPoint p = randomPoint(random);
            Scalar k = randomScalar(random);
            assertThat(FAST.multiply(p, k)).as("case %d", i).isEqualTo(REFERENCE.multiply(p, k));
        }
        CortadoPoint p = randomPoint(random);
        for (Scalar k : edgeScalars()) {
            assertThat(FAST.multiply(p, k)).as("k = %s", k.toBigInteger()).isEqualTo(REFERENCE.multiply(p, k));
            assertThat(FAST.multiply(Cortado.G, k)).isEqualTo(REFERENCE.multiply(Cortado.G, k));
        }
        assertThat(FAST.multiply(p, Scalar.ZERO).isInfinity()).isTrue();
        assertThat(FAST.multiply(p, Scalar.ONE)).isEqualTo(p);
        assertThat(FAST.multiply(p, Scalar.of(R.subtract(BigInteger.ONE)))).isEqualTo(p.negate());
        assertThat(FAST.multiply(CortadoPoint.infinity(), randomScalar(random)).isInfinity()).isTrue();
    }

    @Test
    void fixedBaseMultiplicationAgreesOnRandomAndEdgeScalars() {
        SplittableRandom random = new SplittableRandom(103);
        for (int i = 0; i < RANDOM_CASES; i++) {
            Scalar k = randomScalar(random);
            assertThat(FAST.multiplyGenerator(k)).as("case %d", i).isEqualTo(REFERENCE.multiplyGenerator(k));
        }
        for (Scalar k : edgeScalars()) {
            assertThat(FAST.multiplyGenerator(k)).as("k = %s", k.toBigInteger())
                    .isEqualTo(REFERENCE.multiplyGenerator(k));
        }
        assertThat(FAST.multiplyGenerator(Scalar.ZERO).isInfinity()).isTrue();
        assertThat(FAST.multiplyGenerator(Scalar.ONE)).isEqualTo(Cortado.G);
    }

    @Test
    void linearCombinationAgreesIncludingCancellationAndInfinity() {
        SplittableRandom random = new SplittableRandom(104);
        for (int i = 0; i < RANDOM_CASES; i++) {
            Scalar a = randomScalar(random);
            Scalar b = randomScalar(random);
            CortadoPoint p = randomPoint(random);
            CortadoPoint q = randomPoint(random);
            assertThat(FAST.linearCombination(a, p, b, q)).isEqualTo(REFERENCE.linearCombination(a, p, b, q));
            assertThat(FAST.linearCombination(a, Cortado.G, b, q))
                    .isEqualTo(REFERENCE.linearCombination(a, Cortado.G, b, q));
        }
        Scalar a = randomScalar(random);
        CortadoPoint p = randomPoint(random);
        CortadoPoint infinity = CortadoPoint.infinity();
        assertThat(FAST.linearCombination(a, p, a.negate(), p).isInfinity()).isTrue();
        assertThat(FAST.linearCombination(a, p, a, p)).isEqualTo(REFERENCE.multiply(p, a.add(a)));
        assertThat(FAST.linearCombination(a, Cortado.G, a.negate(), Cortado.G).isInfinity()).isTrue();
        assertThat(FAST.linearCombination(a, p, Scalar.ZERO, p)).isEqualTo(REFERENCE.multiply(p, a));
        assertThat(FAST.linearCombination(Scalar.ZERO, p, Scalar.ZERO, p).isInfinity()).isTrue();
        assertThat(FAST.linearCombination(a, infinity, a, p)).isEqualTo(REFERENCE.multiply(p, a));
        assertThat(FAST.linearCombination(a, p, a, infinity)).isEqualTo(REFERENCE.multiply(p, a));
        assertThat(FAST.linearCombination(a, p, Scalar.ONE, p.negate()))
                .isEqualTo(REFERENCE.multiply(p, a.subtract(Scalar.ONE)));
        for (Scalar k : edgeScalars()) {
            assertThat(FAST.linearCombination(k, Cortado.G, a, p))
                    .isEqualTo(REFERENCE.linearCombination(k, Cortado.G, a, p));
            assertThat(FAST.linearCombination(a, p, k, p)).isEqualTo(REFERENCE.linearCombination(a, p, k, p));
        }
    }

    @Test
    void bothBackendsReproduceTheSpecificationMultiples() throws Exception {
        JsonNode multiples = Vectors.load("cortado.json").get("multiples_of_G");
        assertThat(multiples.size()).isGreaterThan(0);
        for (JsonNode v : multiples) {
            Scalar k = Scalar.fromCanonicalBytes(Vectors.hex(v.get("scalar_hex")));
            String expected = v.get("point_hex").asString();
            assertThat(Hex.encode(FAST.multiplyGenerator(k).encode())).isEqualTo(expected);
            assertThat(Hex.encode(FAST.multiply(Cortado.G, k).encode())).isEqualTo(expected);
            assertThat(Hex.encode(FAST.linearCombination(k, Cortado.G, Scalar.ZERO, Cortado.H).encode()))
                    .isEqualTo(expected);
            assertThat(Hex.encode(REFERENCE.multiplyGenerator(k).encode())).isEqualTo(expected);
        }
    }

    @Test
    void resultsChainThroughTheLimbCacheAndMixWithReferenceResults() {
        SplittableRandom random = new SplittableRandom(105);
        CortadoPoint fast = Cortado.G;
        CortadoPoint reference = Cortado.G;
        for (int i = 0; i < 50; i++) {
            Scalar k = randomScalar(random);
            fast = FAST.add(FAST.multiply(fast, k), Cortado.H);
            reference = REFERENCE.add(REFERENCE.multiply(reference, k), Cortado.H);
            assertThat(fast).isEqualTo(reference);
            // Feed each backend the other's result (its cache holds the other backend's form).
            assertThat(FAST.multiply(reference, k)).isEqualTo(REFERENCE.multiply(fast, k));
        }
    }

    /**
     * Scalars where the algorithms have special cases: 0, 1, small values, r - 1, r - 2j and 2j (after the
     * odd-making step r - k these put the regular multiplication's last addition on acc = ±entry), 2^253 - r
     * (the comb's last addition becomes a doubling), powers of two and all-ones patterns.
     */
    static List<Scalar> edgeScalars() {
        List<BigInteger> values = new ArrayList<>();
        for (int j = 0; j <= 70; j++) {
            values.add(BigInteger.valueOf(j));
            values.add(R.subtract(BigInteger.valueOf(j + 1L)));
        }
        values.add(BigInteger.ONE.shiftLeft(253).subtract(R));
        values.add(BigInteger.ONE.shiftLeft(254).subtract(R.multiply(BigInteger.valueOf(3))));
        for (int bit = 0; bit < 253; bit += 7) {
            values.add(BigInteger.ONE.shiftLeft(bit));
            values.add(BigInteger.ONE.shiftLeft(bit).subtract(BigInteger.ONE));
        }
        values.add(BigInteger.ONE.shiftLeft(252));
        values.add(R.shiftRight(1));
        List<Scalar> scalars = new ArrayList<>();
        for (BigInteger v : values) {
            scalars.add(Scalar.reduce(v));
        }
        return scalars;
    }

    private void assertSameAdd(CortadoPoint p, CortadoPoint q) {
        assertThat(FAST.add(p, q)).isEqualTo(REFERENCE.add(p, q));
    }

    static Scalar randomScalar(SplittableRandom random) {
        return Scalar.reduce(new BigInteger(256, new Random(random.nextLong())));
    }

    private static CortadoPoint randomPoint(SplittableRandom random) {
        Scalar k = randomScalar(random);
        return k.isZero() ? Cortado.G : REFERENCE.multiplyGenerator(k);
    }
}
