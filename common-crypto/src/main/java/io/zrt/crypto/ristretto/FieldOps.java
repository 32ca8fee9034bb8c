package io.zrt.crypto.ristretto;

/**
 * Arithmetic in GF(2^255 - 19) on five unsigned 51-bit limbs stored in a {@code long[]} at an offset.
 *
 * <p>Elements live inside caller-owned arrays so that point formulas and bucket arrays run without
 * allocating. Every operation reads all inputs into locals before writing, so the output may alias any
 * input. Every output is weakly reduced: limbs below 2^51 + 2^15, which is the input bound each operation
 * assumes. No operation branches on limb values (secrets may flow through them).
 */
final class FieldOps {
    static final long MASK = (1L << 51) - 1;
    /** Limb-wise 16p: added before subtracting so limbs never go negative. */
    private static final long P16_0 = 16 * ((1L << 51) - 19);
    private static final long P16_N = 16 * ((1L << 51) - 1);

    private FieldOps() {
    }

    static void zero(long[] r, int ro) {
        r[ro] = 0; r[ro + 1] = 0; r[ro + 2] = 0; r[ro + 3] = 0; r[ro + 4] = 0;
    }

    static void one(long[] r, int ro) {
        r[ro] = 1; r[ro + 1] = 0; r[ro + 2] = 0; r[ro + 3] = 0; r[ro + 4] = 0;
    }

    static void copy(long[] r, int ro, long[] a, int ao) {
        System.arraycopy(a, ao, r, ro, 5);
    }

    /** Carries each limb into the next (the top one wraps around times 19) and stores the result. */
    private static void carryStore(long[] r, int ro, long t0, long t1, long t2, long t3, long t4) {
        t1 += t0 >>> 51; t0 &= MASK;
        t2 += t1 >>> 51; t1 &= MASK;
        t3 += t2 >>> 51; t2 &= MASK;
        t4 += t3 >>> 51; t3 &= MASK;
        t0 += 19 * (t4 >>> 51); t4 &= MASK;
        r[ro] = t0; r[ro + 1] = t1; r[ro + 2] = t2; r[ro + 3] = t3; r[ro + 4] = t4;
    }

    static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        carryStore(r, ro, a[ao] + b[bo], a[ao + 1] + b[bo + 1], a[ao + 2] + b[bo + 2],
                a[ao + 3] + b[bo + 3], a[ao + 4] + b[bo + 4]);
    }

    static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        carryStore(r, ro, a[ao] + P16_0 - b[bo], a[ao + 1] + P16_N - b[bo + 1], a[ao + 2] + P16_N - b[bo + 2],
                a[ao + 3] + P16_N - b[bo + 3], a[ao + 4] + P16_N - b[bo + 4]);
    }

    static void neg(long[] r, int ro, long[] a, int ao) {
        carryStore(r, ro, P16_0 - a[ao], P16_N - a[ao + 1], P16_N - a[ao + 2], P16_N - a[ao + 3],
                P16_N - a[ao + 4]);
    }

    /** Writes (a + b) to {@code a}'s slot and (a - b) to {@code b}'s slot, both in one array. */
    static void sumDiff(long[] r, int ao, int bo) {
        long a0 = r[ao], a1 = r[ao + 1], a2 = r[ao + 2], a3 = r[ao + 3], a4 = r[ao + 4];
        long b0 = r[bo], b1 = r[bo + 1], b2 = r[bo + 2], b3 = r[bo + 3], b4 = r[bo + 4];
        carryStore(r, ao, a0 + b0, a1 + b1, a2 + b2, a3 + b3, a4 + b4);
        carryStore(r, bo, a0 + P16_0 - b0, a1 + P16_N - b1, a2 + P16_N - b2, a3 + P16_N - b3, a4 + P16_N - b4);
    }

    /**
     * r = a * b. Each 102-bit limb product is split into its low 51 bits, the 13 bits above them and the
     * high word, accumulated separately; this keeps 128-bit sums exact without carry flags.
     */
    static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4];
        long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3], b4 = b[bo + 4];
        long b1_19 = 19 * b1, b2_19 = 19 * b2, b3_19 = 19 * b3, b4_19 = 19 * b4;
        long hi0, lo0, mid0, p;
        p = a0 * b0;
        hi0 = Math.multiplyHigh(a0, b0); lo0 = p & MASK; mid0 = p >>> 51;
        p = a1 * b4_19;
        hi0 += Math.multiplyHigh(a1, b4_19); lo0 += p & MASK; mid0 += p >>> 51;
        p = a2 * b3_19;
        hi0 += Math.multiplyHigh(a2, b3_19); lo0 += p & MASK; mid0 += p >>> 51;
        p = a3 * b2_19;
        hi0 += Math.multiplyHigh(a3, b2_19); lo0 += p & MASK; mid0 += p >>> 51;
        p = a4 * b1_19;
        hi0 += Math.multiplyHigh(a4, b1_19); lo0 += p & MASK; mid0 += p >>> 51;
        long hi1, lo1, mid1;
        p = a0 * b1;
        hi1 = Math.multiplyHigh(a0, b1); lo1 = p & MASK; mid1 = p >>> 51;
        p = a1 * b0;
        hi1 += Math.multiplyHigh(a1, b0); lo1 += p & MASK; mid1 += p >>> 51;
        p = a2 * b4_19;
        hi1 += Math.multiplyHigh(a2, b4_19); lo1 += p & MASK; mid1 += p >>> 51;
        p = a3 * b3_19;
        hi1 += Math.multiplyHigh(a3, b3_19); lo1 += p & MASK; mid1 += p >>> 51;
        p = a4 * b2_19;
        hi1 += Math.multiplyHigh(a4, b2_19); lo1 += p & MASK; mid1 += p >>> 51;
        long hi2, lo2, mid2;
        p = a0 * b2;
        hi2 = Math.multiplyHigh(a0, b2); lo2 = p & MASK; mid2 = p >>> 51;
        p = a1 * b1;
        hi2 += Math.multiplyHigh(a1, b1); lo2 += p & MASK; mid2 += p >>> 51;
        p = a2 * b0;
        hi2 += Math.multiplyHigh(a2, b0); lo2 += p & MASK; mid2 += p >>> 51;
        p = a3 * b4_19;
        hi2 += Math.multiplyHigh(a3, b4_19); lo2 += p & MASK; mid2 += p >>> 51;
        p = a4 * b3_19;
        hi2 += Math.multiplyHigh(a4, b3_19); lo2 += p & MASK; mid2 += p >>> 51;
        long hi3, lo3, mid3;
        p = a0 * b3;
        hi3 = Math.multiplyHigh(a0, b3); lo3 = p & MASK; mid3 = p >>> 51;
        p = a1 * b2;
        hi3 += Math.multiplyHigh(a1, b2); lo3 += p & MASK; mid3 += p >>> 51;
        p = a2 * b1;
        hi3 += Math.multiplyHigh(a2, b1); lo3 += p & MASK; mid3 += p >>> 51;
        p = a3 * b0;
        hi3 += Math.multiplyHigh(a3, b0); lo3 += p & MASK; mid3 += p >>> 51;
        p = a4 * b4_19;
        hi3 += Math.multiplyHigh(a4, b4_19); lo3 += p & MASK; mid3 += p >>> 51;
        long hi4, lo4, mid4;
        p = a0 * b4;
        hi4 = Math.multiplyHigh(a0, b4); lo4 = p & MASK; mid4 = p >>> 51;
        p = a1 * b3;
        hi4 += Math.multiplyHigh(a1, b3); lo4 += p & MASK; mid4 += p >>> 51;
        p = a2 * b2;
        hi4 += Math.multiplyHigh(a2, b2); lo4 += p & MASK; mid4 += p >>> 51;
        p = a3 * b1;
        hi4 += Math.multiplyHigh(a3, b1); lo4 += p & MASK; mid4 += p >>> 51;
        p = a4 * b0;
        hi4 += Math.multiplyHigh(a4, b0); lo4 += p & MASK; mid4 += p >>> 51;
        finish(r, ro, lo0, lo1, lo2, lo3, lo4, (hi0 << 13) + mid0, (hi1 << 13) + mid1, (hi2 << 13) + mid2,
                (hi3 << 13) + mid3, (hi4 << 13) + mid4);
    }

    /** r = a^2. */
    static void square(long[] r, int ro, long[] a, int ao) {
        square(r, ro, a, ao, 0);
    }

    /** r = 2 * a^2 (used by point doubling). */
    static void square2(long[] r, int ro, long[] a, int ao) {
        square(r, ro, a, ao, 1);
    }

    private static void square(long[] r, int ro, long[] a, int ao, int shift) {
        long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3], a4 = a[ao + 4];
        long a0_2 = 2 * a0, a1_2 = 2 * a1, a2_2 = 2 * a2, a3_2 = 2 * a3;
        long a3_19 = 19 * a3, a4_19 = 19 * a4;
        long hi0, lo0, mid0, p;
        p = a0 * a0;
        hi0 = Math.multiplyHigh(a0, a0); lo0 = p & MASK; mid0 = p >>> 51;
        p = a1_2 * a4_19;
        hi0 += Math.multiplyHigh(a1_2, a4_19); lo0 += p & MASK; mid0 += p >>> 51;
        p = a2_2 * a3_19;
        hi0 += Math.multiplyHigh(a2_2, a3_19); lo0 += p & MASK; mid0 += p >>> 51;
        long hi1, lo1, mid1;
        p = a0_2 * a1;
        hi1 = Math.multiplyHigh(a0_2, a1); lo1 = p & MASK; mid1 = p >>> 51;
        p = a2_2 * a4_19;
        hi1 += Math.multiplyHigh(a2_2, a4_19); lo1 += p & MASK; mid1 += p >>> 51;
        p = a3 * a3_19;
        hi1 += Math.multiplyHigh(a3, a3_19); lo1 += p & MASK; mid1 += p >>> 51;
        long hi2, lo2, mid2;
        p = a0_2 * a2;
        hi2 = Math.multiplyHigh(a0_2, a2); lo2 = p & MASK; mid2 = p >>> 51;
        p = a1 * a1;
        hi2 += Math.multiplyHigh(a1, a1); lo2 += p & MASK; mid2 += p >>> 51;
        p = a3_2 * a4_19;
        hi2 += Math.multiplyHigh(a3_2, a4_19); lo2 += p & MASK; mid2 += p >>> 51;
        long hi3, lo3, mid3;
        p = a0_2 * a3;
        hi3 = Math.multiplyHigh(a0_2, a3); lo3 = p & MASK; mid3 = p >>> 51;
        p = a1_2 * a2;
        hi3 += Math.multiplyHigh(a1_2, a2); lo3 += p & MASK; mid3 += p >>> 51;
        p = a4 * a4_19;
        hi3 += Math.multiplyHigh(a4, a4_19); lo3 += p & MASK; mid3 += p >>> 51;
        long hi4, lo4, mid4;
        p = a0_2 * a4;
        hi4 = Math.multiplyHigh(a0_2, a4); lo4 = p & MASK; mid4 = p >>> 51;
        p = a1_2 * a3;
        hi4 += Math.multiplyHigh(a1_2, a3); lo4 += p & MASK; mid4 += p >>> 51;
        p = a2 * a2;
        hi4 += Math.multiplyHigh(a2, a2); lo4 += p & MASK; mid4 += p >>> 51;
        finish(r, ro, lo0 << shift, lo1 << shift, lo2 << shift, lo3 << shift, lo4 << shift,
                ((hi0 << 13) + mid0) << shift, ((hi1 << 13) + mid1) << shift, ((hi2 << 13) + mid2) << shift,
                ((hi3 << 13) + mid3) << shift, ((hi4 << 13) + mid4) << shift);
    }

    /** Folds the wide coefficients c_k = up_k * 2^51 + low_k into five weakly reduced limbs. */
    private static void finish(long[] r, int ro, long low0, long low1, long low2, long low3, long low4,
                               long up0, long up1, long up2, long up3, long up4) {
        long c = (low0 >>> 51) + up0;
        long r0 = low0 & MASK;
        long t = low1 + c;
        long r1 = t & MASK;
        c = (t >>> 51) + up1;
        t = low2 + c;
        long r2 = t & MASK;
        c = (t >>> 51) + up2;
        t = low3 + c;
        long r3 = t & MASK;
        c = (t >>> 51) + up3;
        t = low4 + c;
        long r4 = t & MASK;
        c = (t >>> 51) + up4;
        r0 += c * 19;
        r1 += r0 >>> 51;
        r0 &= MASK;
        r[ro] = r0; r[ro + 1] = r1; r[ro + 2] = r2; r[ro + 3] = r3; r[ro + 4] = r4;
    }

    /** r = a squared k times (k >= 1). */
    static void squareTimes(long[] r, int ro, long[] a, int ao, int k) {
        square(r, ro, a, ao);
        for (int i = 1; i < k; i++) {
            square(r, ro, r, ro);
        }
    }

    /** Constant-time: r = b if flag == 1, unchanged if flag == 0. */
    static void cmov(long[] r, int ro, long[] b, int bo, long flag) {
        long m = -flag;
        for (int i = 0; i < 5; i++) {
            r[ro + i] ^= m & (r[ro + i] ^ b[bo + i]);
        }
    }

    /** Constant-time: swaps the elements at ao and bo of r if flag == 1. */
    static void cswap(long[] r, int ao, int bo, long flag) {
        long m = -flag;
        for (int i = 0; i < 5; i++) {
            long x = m & (r[ao + i] ^ r[bo + i]);
            r[ao + i] ^= x;
            r[bo + i] ^= x;
        }
    }

    /** Constant-time: r = -r if flag == 1 (no allocation: the negation is formed in locals). */
    static void cneg(long[] r, int ro, long flag) {
        long m = -flag;
        long a0 = r[ro], a1 = r[ro + 1], a2 = r[ro + 2], a3 = r[ro + 3], a4 = r[ro + 4];
        long t0 = P16_0 - a0, t1 = P16_N - a1, t2 = P16_N - a2, t3 = P16_N - a3, t4 = P16_N - a4;
        t1 += t0 >>> 51; t0 &= MASK;
        t2 += t1 >>> 51; t1 &= MASK;
        t3 += t2 >>> 51; t2 &= MASK;
        t4 += t3 >>> 51; t3 &= MASK;
        t0 += 19 * (t4 >>> 51); t4 &= MASK;
        r[ro] = a0 ^ (m & (a0 ^ t0));
        r[ro + 1] = a1 ^ (m & (a1 ^ t1));
        r[ro + 2] = a2 ^ (m & (a2 ^ t2));
        r[ro + 3] = a3 ^ (m & (a3 ^ t3));
        r[ro + 4] = a4 ^ (m & (a4 ^ t4));
    }

    /** Canonical little-endian encoding (value fully reduced below p, bit 255 clear). */
    static void toBytes(long[] a, int ao, byte[] out, int oo) {
        long t0 = a[ao], t1 = a[ao + 1], t2 = a[ao + 2], t3 = a[ao + 3], t4 = a[ao + 4];
        for (int pass = 0; pass < 2; pass++) {
            t1 += t0 >>> 51; t0 &= MASK;
            t2 += t1 >>> 51; t1 &= MASK;
            t3 += t2 >>> 51; t2 &= MASK;
            t4 += t3 >>> 51; t3 &= MASK;
            t0 += 19 * (t4 >>> 51); t4 &= MASK;
        }
        // Now the value h < 2^255; h >= p exactly when h + 19 carries out of bit 255.
        long q = (t0 + 19) >>> 51;
        q = (t1 + q) >>> 51;
        q = (t2 + q) >>> 51;
        q = (t3 + q) >>> 51;
        q = (t4 + q) >>> 51;
        t0 += 19 * q;
        t1 += t0 >>> 51; t0 &= MASK;
        t2 += t1 >>> 51; t1 &= MASK;
        t3 += t2 >>> 51; t2 &= MASK;
        t4 += t3 >>> 51; t3 &= MASK;
        t4 &= MASK;
        putLong(out, oo, t0 | (t1 << 51));
        putLong(out, oo + 8, (t1 >>> 13) | (t2 << 38));
        putLong(out, oo + 16, (t2 >>> 26) | (t3 << 25));
        putLong(out, oo + 24, (t3 >>> 39) | (t4 << 12));
    }

    /** Reads 32 little-endian bytes ignoring bit 255; the value may be non-canonical (up to 2^255 - 1). */
    static void fromBytes(long[] r, int ro, byte[] in, int io) {
        long w0 = getLong(in, io), w1 = getLong(in, io + 8), w2 = getLong(in, io + 16), w3 = getLong(in, io + 24);
        r[ro] = w0 & MASK;
        r[ro + 1] = ((w0 >>> 51) | (w1 << 13)) & MASK;
        r[ro + 2] = ((w1 >>> 38) | (w2 << 26)) & MASK;
        r[ro + 3] = ((w2 >>> 25) | (w3 << 39)) & MASK;
        r[ro + 4] = (w3 >>> 12) & MASK;
    }

    static byte[] toBytes(long[] a, int ao) {
        byte[] out = new byte[32];
        toBytes(a, ao, out, 0);
        return out;
    }

    /** 1 if the canonical value is odd ("negative" in RFC 9496 terms), else 0. */
    static long isNegative(long[] a, int ao) {
        return toBytes(a, ao)[0] & 1;
    }

    /** 1 if a == 0 (mod p), else 0; constant-time. */
    static long isZero(long[] a, int ao) {
        byte[] b = toBytes(a, ao);
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return ((acc & 0xff) - 1L) >>> 63;
    }

    /** 1 if a == b (mod p), else 0; constant-time. */
    static long equal(long[] a, int ao, long[] b, int bo) {
        long[] d = new long[5];
        sub(d, 0, a, ao, b, bo);
        return isZero(d, 0);
    }

    static long getLong(byte[] b, int o) {
        return (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24
                | (b[o + 4] & 0xffL) << 32 | (b[o + 5] & 0xffL) << 40 | (b[o + 6] & 0xffL) << 48
                | (b[o + 7] & 0xffL) << 56;
    }

    static void putLong(byte[] b, int o, long v) {
        for (int i = 0; i < 8; i++) {
            b[o + i] = (byte) (v >>> (8 * i));
        }
    }
}
