package io.zrt.crypto.cortado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.LittleEndian;
import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded property checks of the group, scalar and field laws (a few hundred random instances each). */
class CortadoPropertiesTest {

    private static final long SEED = 0x6A0B5L;
    private static final int TRIES = 150;

    @Test
    void groupLaws() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < TRIES; i++) {
            CortadoPoint a = randomPoint(random);
            CortadoPoint b = randomPoint(random);
            CortadoPoint c = randomPoint(random);
            assertThat(a.add(b)).isEqualTo(b.add(a));
            assertThat(a.add(b).add(c)).isEqualTo(a.add(b.add(c)));
            assertThat(a.add(CortadoPoint.infinity())).isEqualTo(a);
            assertThat(a.add(a.negate()).isInfinity()).isTrue();
            assertThat(a.add(a)).isEqualTo(a.multiply(Scalar.of(2)));
            assertThat(a.subtract(b).add(b)).isEqualTo(a);
        }
    }

    @Test
    void scalarMultiplicationIsAHomomorphism() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < TRIES; i++) {
            Scalar x = randomScalar(random);
            Scalar y = randomScalar(random);
            CortadoPoint p = randomPoint(random);
            assertThat(Cortado.multiplyGenerator(x.add(y)))
                    .isEqualTo(Cortado.multiplyGenerator(x).add(Cortado.multiplyGenerator(y)));
            assertThat(p.multiply(x.multiply(y))).isEqualTo(p.multiply(x).multiply(y));
            assertThat(Cortado.linearCombination(x, Cortado.G, y, p))
                    .isEqualTo(Cortado.multiplyGenerator(x).add(p.multiply(y)));
            assertThat(p.multiply(x.negate())).isEqualTo(p.multiply(x).negate());
        }
    }

    @Test
    void encodingRoundTripsAndIotaIsTheXCoordinate() throws InvalidEncodingException {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < TRIES; i++) {
            CortadoPoint p = randomPoint(random);
            byte[] encoded = p.encode();
            assertThat(CortadoPoint.decode(encoded)).isEqualTo(p);
            assertThat(encoded[31] & 0x60).isZero();
            assertThat((encoded[31] & 0x80) != 0).isEqualTo(p.y().toBigInteger()
                    .compareTo(Cortado.P.subtract(p.y().toBigInteger())) > 0);
            assertThat(p.iota().toBigInteger()).isEqualTo(p.x().toBigInteger());
            assertThat(CortadoPoint.fromAffine(p.x(), p.y())).isEqualTo(p);
            assertThat(p.negate().iota()).isEqualTo(p.iota());
        }
        assertThatThrownBy(() -> CortadoPoint.fromAffine(Fp.ONE, Fp.ONE)).isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> CortadoPoint.infinity().iota()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fieldAndScalarArithmetic() throws InvalidEncodingException {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        int squares = 0;
        for (int i = 0; i < 2 * TRIES; i++) {
            Fp a = Fp.of(new BigInteger(256, new Random(random.nextLong())));
            Fp b = Fp.of(new BigInteger(256, new Random(random.nextLong())));
            assertThat(a.add(b).subtract(b)).isEqualTo(a);
            assertThat(a.multiply(b).toBigInteger())
                    .isEqualTo(a.toBigInteger().multiply(b.toBigInteger()).mod(Cortado.P));
            assertThat(a.add(a.negate())).isEqualTo(Fp.ZERO);
            if (!a.isZero()) {
                assertThat(a.multiply(a.invert())).isEqualTo(Fp.ONE);
            }
            assertThat(a.square().sqrt()).hasValueSatisfying(r -> assertThat(r.square()).isEqualTo(a.square()));
            boolean isSquare = a.pow(Cortado.P.subtract(BigInteger.ONE).shiftRight(1)).equals(Fp.ONE);
            assertThat(a.sqrt().isPresent()).isEqualTo(isSquare || a.isZero());
            squares += isSquare ? 1 : 0;
            assertThat(Fp.fromCanonicalBytes(a.toBytes())).isEqualTo(a);
            Scalar s = randomScalar(random);
            Scalar t = randomScalar(random);
            assertThat(s.add(t).subtract(t)).isEqualTo(s);
            assertThat(s.multiply(s.invert())).isEqualTo(Scalar.ONE);
            assertThat(Scalar.fromCanonicalBytes(s.toBytes())).isEqualTo(s);
        }
        assertThat(squares).isBetween(TRIES / 2, 3 * TRIES / 2);
        assertThat(Fp.fromCanonicalBytes(Fp.ZERO.subtract(Fp.ONE).toBytes()).toBigInteger())
                .isEqualTo(Cortado.P.subtract(BigInteger.ONE));
        byte[] p = LittleEndian.toBytes(Cortado.P, 32);
        assertThatThrownBy(() -> Fp.fromCanonicalBytes(p)).isInstanceOf(InvalidEncodingException.class);
    }

    private static Scalar randomScalar(SplittableRandom random) {
        while (true) {
            Scalar s = Scalar.reduce(new BigInteger(256, new Random(random.nextLong())));
            if (!s.isZero()) {
                return s;
            }
        }
    }

    private static CortadoPoint randomPoint(SplittableRandom random) {
        return Cortado.multiplyGenerator(randomScalar(random));
    }
}
