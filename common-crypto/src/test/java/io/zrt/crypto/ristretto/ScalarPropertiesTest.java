package io.zrt.crypto.ristretto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Scalar arithmetic checked against BigInteger as the reference. */
class ScalarPropertiesTest {
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    static BigInteger value(Scalar s) {
        return new BigInteger(1, reverse(s.toBytes()));
    }

    static Scalar scalar(BigInteger v) {
        return Scalar.fromBytesModOrder(le32(v.mod(L)));
    }

    static byte[] le32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    /** Values below l, biased towards the edges (0, 1, l-1, powers of two). */
    @Provide
    Arbitrary<BigInteger> elements() {
        return Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, L.subtract(BigInteger.ONE)),
            Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L.subtract(BigInteger.TWO),
                BigInteger.TWO.pow(252), BigInteger.TWO.pow(252).subtract(BigInteger.ONE), BigInteger.TWO.pow(64)));
    }

    @Provide
    Arbitrary<byte[]> wide() {
        return Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofSize(64),
            Arbitraries.just(filled((byte) 0xff, 64)),
            Arbitraries.just(new byte[64]));
    }

    static byte[] filled(byte b, int n) {
        byte[] a = new byte[n];
        java.util.Arrays.fill(a, b);
        return a;
    }

    @Property(tries = 2000)
    void addSubMulNegateMatchBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        Scalar x = scalar(a);
        Scalar y = scalar(b);
        assertThat(value(x)).isEqualTo(a);
        assertThat(value(x.add(y))).isEqualTo(a.add(b).mod(L));
        assertThat(value(x.subtract(y))).isEqualTo(a.subtract(b).mod(L));
        assertThat(value(x.multiply(y))).isEqualTo(a.multiply(b).mod(L));
        assertThat(value(x.negate())).isEqualTo(a.negate().mod(L));
        assertThat(value(x.square())).isEqualTo(a.multiply(a).mod(L));
        assertThat(value(x.multiplyAdd(y, x))).isEqualTo(a.multiply(b).add(a).mod(L));
    }

    @Property(tries = 300)
    void invertMatchesModInverse(@ForAll("elements") BigInteger a) {
        if (a.signum() == 0) {
            assertThatThrownBy(() -> scalar(a).invert()).isInstanceOf(ArithmeticException.class);
            return;
        }
        assertThat(value(scalar(a).invert())).isEqualTo(a.modInverse(L));
    }

    @Property(tries = 1000)
    void wideReductionMatchesBigInteger(@ForAll("wide") byte[] wide) {
        BigInteger expected = new BigInteger(1, reverse(wide)).mod(L);
        assertThat(value(Scalar.fromWideBytes(wide))).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void canonicalDecodingAcceptsExactlyValuesBelowL(@ForAll("anyLe32") byte[] bytes) throws Exception {
        BigInteger v = new BigInteger(1, reverse(bytes));
        if (v.compareTo(L) < 0) {
            Scalar s = Scalar.fromCanonicalBytes(bytes);
            assertThat(s.toBytes()).isEqualTo(bytes);
        } else {
            assertThatThrownBy(() -> Scalar.fromCanonicalBytes(bytes)).isInstanceOf(RistrettoDecodingException.class);
            assertThat(value(Scalar.fromBytesModOrder(bytes))).isEqualTo(v.mod(L));
        }
    }

    @Provide
    Arbitrary<byte[]> anyLe32() {
        Arbitrary<BigInteger> nearL = Arbitraries.integers().between(-3, 3).map(d -> L.add(BigInteger.valueOf(d)));
        Arbitrary<BigInteger> nearTop = Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        return Arbitraries.oneOf(nearL, nearTop).map(ScalarPropertiesTest::le32);
    }

    @Example
    void batchInversionMatchesSingleInversions() {
        SecureRandom rnd = new SecureRandom();
        Scalar[] xs = new Scalar[37];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Scalar.random(rnd);
        }
        Scalar[] inv = Scalar.batchInvert(xs);
        for (int i = 0; i < xs.length; i++) {
            assertThat(inv[i]).isEqualTo(xs[i].invert());
            assertThat(inv[i].multiply(xs[i])).isEqualTo(Scalar.one());
        }
        assertThat(Scalar.batchInvert(new Scalar[0])).isEmpty();
        xs[5] = Scalar.zero();
        assertThatThrownBy(() -> Scalar.batchInvert(xs)).isInstanceOf(ArithmeticException.class);
    }

    @Example
    void decodingRejectsBadLengthsAndTheOrderItself() {
        assertThatThrownBy(() -> Scalar.fromCanonicalBytes(new byte[31])).isInstanceOf(RistrettoDecodingException.class);
        assertThatThrownBy(() -> Scalar.fromCanonicalBytes(null)).isInstanceOf(RistrettoDecodingException.class);
        assertThatThrownBy(() -> Scalar.fromCanonicalBytes(Scalar.orderBytes()))
            .isInstanceOf(RistrettoDecodingException.class);
        assertThat(Scalar.fromBytesModOrder(Scalar.orderBytes()).isZero()).isTrue();
    }

    @Example
    void toStringDoesNotRevealTheValue() {
        Scalar s = Scalar.fromLong(123456789);
        assertThat(s.toString()).doesNotContain("123456789").doesNotContain("15cd5b07");
        assertThat(Scalar.fromLong(7)).isEqualTo(Scalar.fromLong(7)).isNotEqualTo(Scalar.fromLong(8));
    }
}
