package io.zrt.crypto.ristretto;

/**
 * Exponentiation-based field operations: inversion, the (p-5)/8 power and RFC 9496's SQRT_RATIO_M1.
 * All run a fixed sequence of squarings and multiplications (no data-dependent branches).
 */
final class FieldPow {
    private FieldPow() {
    }

    /**
     * Shared addition chain: returns {z^(2^250 - 1), z^11} as two limb arrays. Exponents are built
     * from runs of ones: 2^5-1, 2^10-1, 2^20-1, 2^40-1, 2^50-1, 2^100-1, 2^200-1, 2^250-1.
     */
    private static long[][] chain250(long[] z, int zo) {
        long[] z2 = new long[5];
        long[] t = new long[5];
        long[] z9 = new long[5];
        long[] z11 = new long[5];
        FieldOps.square(z2, 0, z, zo);                 // z^2
        FieldOps.squareTimes(t, 0, z2, 0, 2);          // z^8
        FieldOps.mul(z9, 0, t, 0, z, zo);              // z^9
        FieldOps.mul(z11, 0, z9, 0, z2, 0);            // z^11
        FieldOps.square(t, 0, z11, 0);                 // z^22
        long[] e5 = new long[5];
        FieldOps.mul(e5, 0, t, 0, z9, 0);              // z^(2^5 - 1)
        long[] e10 = new long[5];
        FieldOps.squareTimes(t, 0, e5, 0, 5);
        FieldOps.mul(e10, 0, t, 0, e5, 0);             // 2^10 - 1
        long[] e20 = new long[5];
        FieldOps.squareTimes(t, 0, e10, 0, 10);
        FieldOps.mul(e20, 0, t, 0, e10, 0);            // 2^20 - 1
        long[] e40 = new long[5];
        FieldOps.squareTimes(t, 0, e20, 0, 20);
        FieldOps.mul(e40, 0, t, 0, e20, 0);            // 2^40 - 1
        long[] e50 = new long[5];
        FieldOps.squareTimes(t, 0, e40, 0, 10);
        FieldOps.mul(e50, 0, t, 0, e10, 0);            // 2^50 - 1
        long[] e100 = new long[5];
        FieldOps.squareTimes(t, 0, e50, 0, 50);
        FieldOps.mul(e100, 0, t, 0, e50, 0);           // 2^100 - 1
        long[] e200 = new long[5];
        FieldOps.squareTimes(t, 0, e100, 0, 100);
        FieldOps.mul(e200, 0, t, 0, e100, 0);          // 2^200 - 1
        long[] e250 = new long[5];
        FieldOps.squareTimes(t, 0, e200, 0, 50);
        FieldOps.mul(e250, 0, t, 0, e50, 0);           // 2^250 - 1
        return new long[][] {e250, z11};
    }

    /** r = z^(p-2) = 1/z (and 0 for z = 0). */
    static void invert(long[] r, int ro, long[] z, int zo) {
        long[][] c = chain250(z, zo);
        long[] t = new long[5];
        FieldOps.squareTimes(t, 0, c[0], 0, 5);        // 2^255 - 32
        FieldOps.mul(r, ro, t, 0, c[1], 0);            // + 11 = p - 2
    }

    /** r = z^((p-5)/8) = z^(2^252 - 3). */
    static void pow22523(long[] r, int ro, long[] z, int zo) {
        long[][] c = chain250(z, zo);
        long[] t = new long[5];
        FieldOps.squareTimes(t, 0, c[0], 0, 2);        // 2^252 - 4
        FieldOps.mul(r, ro, t, 0, z, zo);              // + 1
    }

    /**
     * RFC 9496 SQRT_RATIO_M1(u, v): writes the non-negative r with r^2 * v = u when u/v is square (returns
     * 1), otherwise the non-negative r with r^2 * v = SQRT_M1 * u (returns 0). u = 0 gives (1, 0); v = 0
     * with u != 0 gives (0, 0).
     */
    static long sqrtRatioM1(long[] r, int ro, long[] u, int uo, long[] v, int vo) {
        long[] v3 = new long[5];
        long[] v7 = new long[5];
        long[] t = new long[5];
        long[] rr = new long[5];
        FieldOps.square(v3, 0, v, vo);
        FieldOps.mul(v3, 0, v3, 0, v, vo);             // v^3
        FieldOps.square(v7, 0, v3, 0);
        FieldOps.mul(v7, 0, v7, 0, v, vo);             // v^7
        FieldOps.mul(t, 0, u, uo, v7, 0);              // u v^7
        pow22523(t, 0, t, 0);                          // (u v^7)^((p-5)/8)
        FieldOps.mul(rr, 0, u, uo, v3, 0);
        FieldOps.mul(rr, 0, rr, 0, t, 0);              // r = u v^3 (u v^7)^((p-5)/8)

        long[] check = new long[5];
        FieldOps.square(check, 0, rr, 0);
        FieldOps.mul(check, 0, check, 0, v, vo);       // v r^2
        long[] negU = new long[5];
        FieldOps.neg(negU, 0, u, uo);
        long[] negUi = new long[5];
        FieldOps.mul(negUi, 0, negU, 0, Constants.SQRT_M1, 0);

        long correct = FieldOps.equal(check, 0, u, uo);
        long flipped = FieldOps.equal(check, 0, negU, 0);
        long flippedI = FieldOps.equal(check, 0, negUi, 0);

        long[] rPrime = new long[5];
        FieldOps.mul(rPrime, 0, rr, 0, Constants.SQRT_M1, 0);
        FieldOps.cmov(rr, 0, rPrime, 0, flipped | flippedI);
        FieldOps.cneg(rr, 0, FieldOps.isNegative(rr, 0));
        FieldOps.copy(r, ro, rr, 0);
        return correct | flipped;
    }
}
