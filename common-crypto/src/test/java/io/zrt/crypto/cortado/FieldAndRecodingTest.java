package io.zrt.crypto.cortado;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limb field against BigInteger, and the scalar recodings against the values they encode. */
class FieldAndRecodingTest {

    private static final BigInteger P = Fp.MODULUS;
    private static final BigInteger TWO_P = P.shiftLeft(1);
    private static final BigInteger R_INVERSE = BigInteger.ONE.shiftLeft(260).modInverse(P);
    private static final long MASK = (1L << 52) - 1;

    @Test
    void montgomeryKernelsMatchBigIntegerOnTheWholeInputRange() {
        Random random = new Random(201);
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = randomBelow(TWO_P, random, i);
            BigInteger b = randomBelow(TWO_P, random, i + 1);
            long[] r = new long[5];
            MontgomeryKernels.mul(r, raw(a), raw(b));
            assertReducedResult(r, a.multiply(b).multiply(R_INVERSE));
            MontgomeryKernels.sqr(r, raw(a));
            assertReducedResult(r, a.multiply(a).multiply(R_INVERSE));
            MontgomeryFp.add(r, raw(a), raw(b));
            assertReducedResult(r, a.add(b));
            MontgomeryFp.sub(r, raw(a), raw(b));
            assertReducedResult(r, a.subtract(b));
            long[] c = raw(a);
            MontgomeryFp.canonical(c);
            assertThat(value(c)).isEqualTo(a.mod(P));
        }
    }

    @Test
    void conversionsInversionAndZeroTest() {
        Random random = new Random(202);
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = randomBelow(P, random, i);
            long[] m = MontgomeryFp.fromBigInteger(a);
            assertThat(MontgomeryFp.toBigInteger(m)).isEqualTo(a);
            long[] fromBytes = MontgomeryFp.create();
            MontgomeryFp.fromCanonicalLittleEndian(fromBytes, Fp.of(a).toBytes());
            assertThat(MontgomeryFp.equal(fromBytes, m)).isTrue();
            long[] inverse = MontgomeryFp.create();
            MontgomeryFp.invert(inverse, m);
            BigInteger expected = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
            assertThat(MontgomeryFp.toBigInteger(inverse)).isEqualTo(expected);
            assertThat(MontgomeryFp.isZeroMask(m)).isEqualTo(a.signum() == 0 ? -1L : 0L);
        }
        assertThat(MontgomeryFp.isZeroMask(raw(P))).isEqualTo(-1L);   // p is the other representation of 0
        assertThat(MontgomeryFp.isZeroMask(raw(BigInteger.ZERO))).isEqualTo(-1L);
        assertThat(MontgomeryFp.isZeroMask(raw(P.add(BigInteger.ONE)))).isZero();
        assertThat(MontgomeryFp.isZeroMask(raw(BigInteger.ONE.shiftLeft(200)))).isZero();
    }

    @Test
    void regularRecodingHasOddNonzeroDigitsAndEncodesTheOddScalar() {
        Random random = new Random(203);
        for (int i = 0; i < 3_000; i++) {
            BigInteger k = i < 100 ? BigInteger.valueOf(i) : new BigInteger(253, random).mod(Cortado.R);
            long[] negate = new long[1];
            long[] odd = ScalarRecoding.makeOdd(ScalarRecoding.limbs(k), negate);
            BigInteger expectedOdd = k.testBit(0) ? k : Cortado.R.subtract(k);
            assertThat(fromLimbs(odd)).isEqualTo(expectedOdd);
            assertThat(negate[0]).isEqualTo(k.testBit(0) ? 0L : -1L);
            int[] digits = ScalarRecoding.regularDigits(odd);
            BigInteger sum = BigInteger.ZERO;
            for (int j = digits.length - 1; j >= 0; j--) {
                assertThat(digits[j] & 1).isEqualTo(1);
                assertThat(Math.abs(digits[j])).isLessThanOrEqualTo(31);
                sum = sum.shiftLeft(5).add(BigInteger.valueOf(digits[j]));
            }
            assertThat(digits[digits.length - 1]).isBetween(1, 7);
            assertThat(sum).isEqualTo(expectedOdd);
        }
    }

    @Test
    void radix16AndNafEncodeTheScalar() {
        Random random = new Random(204);
        for (int i = 0; i < 3_000; i++) {
            BigInteger k = i < 50 ? Cortado.R.subtract(BigInteger.valueOf(i + 1L)) : new BigInteger(253, random)
                    .mod(Cortado.R);
            int[] radix16 = ScalarRecoding.signedRadix16(ScalarRecoding.limbs(k));
            BigInteger sum = BigInteger.ZERO;
            for (int j = radix16.length - 1; j >= 0; j--) {
                assertThat(radix16[j]).isBetween(-8, 8);
                sum = sum.shiftLeft(4).add(BigInteger.valueOf(radix16[j]));
            }
            assertThat(sum).isEqualTo(k);
            for (int w : new int[] {5, 7}) {
                int[] naf = ScalarRecoding.wnaf(ScalarRecoding.limbs(k), w);
                BigInteger nafSum = BigInteger.ZERO;
                int lastNonzero = -w;
                for (int j = 0; j < naf.length; j++) {
                    if (naf[j] != 0) {
                        assertThat(naf[j] & 1).isEqualTo(1);
                        assertThat(Math.abs(naf[j])).isLessThan(1 << (w - 1));
                        assertThat(j - lastNonzero).isGreaterThanOrEqualTo(w);
                        lastNonzero = j;
                    }
                    nafSum = nafSum.add(BigInteger.valueOf(naf[j]).shiftLeft(j));
                }
                assertThat(nafSum).isEqualTo(k);
            }
        }
    }

    private static void assertReducedResult(long[] r, BigInteger expected) {
        for (long limb : r) {
            assertThat(limb).isBetween(0L, MASK);
        }
        BigInteger v = value(r);
        assertThat(v).isLessThan(TWO_P);
        assertThat(v.mod(P)).isEqualTo(expected.mod(P));
    }

    /** Inputs drawn across [0, bound), with the extremes (0, 1, bound - 1, p - 1, p) mixed in. */
    private static BigInteger randomBelow(BigInteger bound, Random random, int i) {
        switch (i % 50) {
            case 0: return BigInteger.ZERO;
            case 1: return bound.subtract(BigInteger.ONE);
            case 2: return P.subtract(BigInteger.ONE).min(bound.subtract(BigInteger.ONE));
            case 3: return P.min(bound.subtract(BigInteger.ONE));
            default: return new BigInteger(bound.bitLength(), random).mod(bound);
        }
    }

    private static long[] raw(BigInteger v) {
        long[] r = new long[5];
        for (int i = 0; i < 5; i++) {
            r[i] = v.shiftRight(52 * i).longValue() & MASK;
        }
        return r;
    }

    private static BigInteger value(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (int i = limbs.length - 1; i >= 0; i--) {
            v = v.shiftLeft(52).add(BigInteger.valueOf(limbs[i]));
        }
        return v;
    }

    private static BigInteger fromLimbs(long[] limbs64) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 3; i >= 0; i--) {
            v = v.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(limbs64[i])));
        }
        return v;
    }
}
