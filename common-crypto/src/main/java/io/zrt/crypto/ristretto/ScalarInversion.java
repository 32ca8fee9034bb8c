package io.zrt.crypto.ristretto;

/** Fixed-window exponentiation for scalar inversion; the exponent (l - 2) is public. */
final class ScalarInversion {
    /** l - 2 as little-endian limbs. */
    static final long[] ORDER_MINUS_TWO = {
        ScalarArithmetic.L0 - 2, ScalarArithmetic.L1, ScalarArithmetic.L2, ScalarArithmetic.L3};

    private ScalarInversion() {
    }

    static Scalar pow(Scalar base, long[] exponent) {
        Scalar[] table = new Scalar[16];
        table[0] = Scalar.one();
        for (int i = 1; i < 16; i++) {
            table[i] = table[i - 1].multiply(base);
        }
        Scalar acc = Scalar.one();
        for (int nibble = 63; nibble >= 0; nibble--) {
            for (int k = 0; k < 4; k++) {
                acc = acc.square();
            }
            int digit = (int) (exponent[nibble >>> 4] >>> (4 * (nibble & 15))) & 15;
            acc = acc.multiply(table[digit]);
        }
        return acc;
    }
}
