package io.zrt.crypto.ristretto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Field arithmetic mod p = 2^255 - 19 checked against BigInteger. */
class FieldPropertiesTest {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    static long[] fe(BigInteger v) {
        long[] r = new long[5];
        FieldOps.fromBytes(r, 0, ScalarPropertiesTest.le32(v), 0);
        return r;
    }

    static BigInteger value(long[] a) {
        return new BigInteger(1, ScalarPropertiesTest.reverse(FieldOps.toBytes(a, 0)));
    }

    /** Any 255-bit value, including the non-canonical range [p, 2^255) and edge values. */
    @Provide
    Arbitrary<BigInteger> elements() {
        BigInteger top = BigInteger.TWO.pow(255).subtract(BigInteger.ONE);
        return Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, top),
            Arbitraries.bigIntegers().between(P.subtract(BigInteger.valueOf(40)), top),
            Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P, BigInteger.TWO.pow(51)));
    }

    @Property(tries = 3000)
    void ringOperationsMatchBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        long[] x = fe(a), y = fe(b), r = new long[5];
        assertThat(value(x)).isEqualTo(a.mod(P));
        FieldOps.mul(r, 0, x, 0, y, 0);
        assertThat(value(r)).isEqualTo(a.multiply(b).mod(P));
        FieldOps.add(r, 0, x, 0, y, 0);
        assertThat(value(r)).isEqualTo(a.add(b).mod(P));
        FieldOps.sub(r, 0, x, 0, y, 0);
        assertThat(value(r)).isEqualTo(a.subtract(b).mod(P));
        FieldOps.neg(r, 0, x, 0);
        assertThat(value(r)).isEqualTo(a.negate().mod(P));
        FieldOps.square(r, 0, x, 0);
        assertThat(value(r)).isEqualTo(a.multiply(a).mod(P));
        FieldOps.square2(r, 0, x, 0);
        assertThat(value(r)).isEqualTo(a.multiply(a).shiftLeft(1).mod(P));
        assertThat(FieldOps.isNegative(x, 0)).isEqualTo(a.mod(P).testBit(0) ? 1 : 0);
        assertThat(FieldOps.equal(x, 0, y, 0)).isEqualTo(a.mod(P).equals(b.mod(P)) ? 1 : 0);
    }

    /** Long chains keep limbs within bounds: compare a product of many factors with BigInteger. */
    @Property(tries = 200)
    void chainedOperationsStayExact(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        long[] x = fe(a), y = fe(b), acc = fe(BigInteger.ONE);
        BigInteger ref = BigInteger.ONE;
        for (int i = 0; i < 50; i++) {
            FieldOps.mul(acc, 0, acc, 0, x, 0);
            FieldOps.sub(acc, 0, acc, 0, y, 0);
            FieldOps.add(acc, 0, acc, 0, acc, 0);
            FieldOps.square(acc, 0, acc, 0);
            ref = ref.multiply(a).subtract(b).shiftLeft(1).pow(2).mod(P);
        }
        assertThat(value(acc)).isEqualTo(ref);
    }

    @Property(tries = 200)
    void inversionAndSqrtRatioMatchBigInteger(@ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
        long[] u = fe(a), v = fe(b), r = new long[5];
        FieldPow.invert(r, 0, u, 0);
        BigInteger am = a.mod(P), bm = b.mod(P);
        assertThat(value(r)).isEqualTo(am.signum() == 0 ? BigInteger.ZERO : am.modInverse(P));
        long wasSquare = FieldPow.sqrtRatioM1(r, 0, u, 0, v, 0);
        BigInteger root = value(r);
        assertThat(root.testBit(0)).as("non-negative root").isFalse();
        BigInteger sqrtM1 = value(Constants.SQRT_M1);
        BigInteger lhs = root.multiply(root).multiply(bm).mod(P);
        if (wasSquare == 1) {
            assertThat(lhs).isEqualTo(am);
        } else if (bm.signum() != 0) {
            assertThat(lhs).isEqualTo(sqrtM1.multiply(am).mod(P));
        }
        boolean isSquare = am.signum() == 0
            || (bm.signum() != 0 && am.multiply(bm.modInverse(P)).modPow(P.subtract(BigInteger.ONE).shiftRight(1), P)
                .equals(BigInteger.ONE));
        assertThat(wasSquare == 1).isEqualTo(isSquare);
    }
}
