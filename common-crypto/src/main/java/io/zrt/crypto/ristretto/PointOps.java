package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.FieldOps.add;
import static io.zrt.crypto.ristretto.FieldOps.mul;
import static io.zrt.crypto.ristretto.FieldOps.sub;

/**
 * Edwards25519 (a = -1) point formulas over flat {@code long[]} layouts, after Hisil–Wong–Carter–Dawson.
 *
 * <p>Layouts (offsets in longs, each coordinate is 5 limbs):
 * <ul>
 *   <li>extended (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z: X=0, Y=5, Z=10, T=15 ({@link #EXT} longs);
 *       the projective (X:Y:Z) form is the first 15 longs of the same layout;</li>
 *   <li>cached (Y+X, Y-X, Z, 2dT), the right operand of an addition: {@link #CACHED} longs;</li>
 *   <li>affine Niels (y+x, y-x, 2dxy) for points with Z = 1 (precomputed tables): {@link #AFFINE} longs;</li>
 *   <li>completed ((X:Z), (Y:T)) plus one scratch element: {@link #COMPLETED} longs.</li>
 * </ul>
 * Additions and doublings produce a completed point; converting it to extended costs 4 multiplications,
 * to projective 3 (enough when a doubling follows). The formulas are complete (no exceptional inputs).
 */
final class PointOps {
    static final int EXT = 20;
    static final int CACHED = 20;
    static final int AFFINE = 15;
    static final int COMPLETED = 25;
    static final int X = 0, Y = 5, Z = 10, T = 15, W = 20;

    private PointOps() {
    }

    static void identityExt(long[] p, int po) {
        FieldOps.zero(p, po + X);
        FieldOps.one(p, po + Y);
        FieldOps.one(p, po + Z);
        FieldOps.zero(p, po + T);
    }

    static void identityCached(long[] c, int co) {
        FieldOps.one(c, co);
        FieldOps.one(c, co + 5);
        FieldOps.one(c, co + 10);
        FieldOps.zero(c, co + 15);
    }

    static void identityAffine(long[] a, int ao) {
        FieldOps.one(a, ao);
        FieldOps.one(a, ao + 5);
        FieldOps.zero(a, ao + 10);
    }

    static void toCached(long[] c, int co, long[] p, int po) {
        long[] t = new long[5];
        FieldOps.copy(t, 0, p, po + X);
        add(c, co, p, po + Y, t, 0);
        sub(c, co + 5, p, po + Y, t, 0);
        FieldOps.copy(c, co + 10, p, po + Z);
        mul(c, co + 15, p, po + T, Constants.D2, 0);
    }

    /** r (completed) = p (extended) + q (cached), or p - q when {@code subtract}. r must not alias p or q. */
    static void addCached(long[] r, long[] p, int po, long[] q, int qo, boolean subtract) {
        int qPlus = subtract ? qo + 5 : qo;
        int qMinus = subtract ? qo : qo + 5;
        add(r, W, p, po + Y, p, po + X);
        sub(r, T, p, po + Y, p, po + X);
        mul(r, Y, r, W, q, qPlus);                  // PP = (Y1+X1)(Y2+X2)
        mul(r, X, r, T, q, qMinus);                 // MM = (Y1-X1)(Y2-X2)
        FieldOps.sumDiff(r, Y, X);                  // Y = PP + MM, X = PP - MM
        mul(r, W, p, po + T, q, qo + 15);           // TT2d
        mul(r, T, p, po + Z, q, qo + 10);           // ZZ
        add(r, T, r, T, r, T);                      // 2ZZ
        finishAddition(r, subtract);
    }

    /** r (completed) = p (extended) + q (affine Niels), or p - q when {@code subtract}. */
    static void addAffine(long[] r, long[] p, int po, long[] q, int qo, boolean subtract) {
        int qPlus = subtract ? qo + 5 : qo;
        int qMinus = subtract ? qo : qo + 5;
        add(r, W, p, po + Y, p, po + X);
        sub(r, T, p, po + Y, p, po + X);
        mul(r, Y, r, W, q, qPlus);
        mul(r, X, r, T, q, qMinus);
        FieldOps.sumDiff(r, Y, X);
        mul(r, W, p, po + T, q, qo + 10);           // TT2d
        add(r, T, p, po + Z, p, po + Z);            // 2Z
        finishAddition(r, subtract);
    }

    /** With W = 2dT1T2 and T = 2Z1Z2: Z = 2ZZ + TT2d, T = 2ZZ - TT2d (swapped for subtraction). */
    private static void finishAddition(long[] r, boolean subtract) {
        FieldOps.copy(r, Z, r, T);
        FieldOps.sumDiff(r, Z, W);                  // Z = 2ZZ + TT2d, W = 2ZZ - TT2d
        if (subtract) {
            FieldOps.copy(r, T, r, Z);
            FieldOps.copy(r, Z, r, W);
        } else {
            FieldOps.copy(r, T, r, W);
        }
    }

    /** r (completed) = 2p, reading only X, Y, Z of p (so p may be projective). */
    static void dbl(long[] r, long[] p, int po) {
        FieldOps.square(r, X, p, po + X);           // A = X^2
        FieldOps.square(r, Y, p, po + Y);           // B = Y^2
        FieldOps.square2(r, T, p, po + Z);          // C = 2Z^2
        add(r, W, p, po + X, p, po + Y);
        FieldOps.square(r, W, r, W);                // S = (X+Y)^2
        sub(r, Z, r, X, r, Y);                      // A - B
        add(r, Y, r, X, r, Y);                      // A + B
        sub(r, X, r, Y, r, W);                      // A + B - S
        add(r, T, r, T, r, Z);                      // C + A - B
    }

    static void completedToExt(long[] p, int po, long[] r) {
        mul(p, po + X, r, X, r, T);
        mul(p, po + Y, r, Y, r, Z);
        mul(p, po + Z, r, Z, r, T);
        mul(p, po + T, r, X, r, Y);
    }

    static void completedToProjective(long[] p, int po, long[] r) {
        mul(p, po + X, r, X, r, T);
        mul(p, po + Y, r, Y, r, Z);
        mul(p, po + Z, r, Z, r, T);
    }

    static void negExt(long[] r, int ro, long[] p, int po) {
        FieldOps.neg(r, ro + X, p, po + X);
        FieldOps.copy(r, ro + Y, p, po + Y);
        FieldOps.copy(r, ro + Z, p, po + Z);
        FieldOps.neg(r, ro + T, p, po + T);
    }

    /** Constant-time negation of a cached or affine Niels point: swap y+x with y-x, negate the 2d term. */
    static void condNegNiels(long[] c, int co, int termOffset, long flag) {
        FieldOps.cswap(c, co, co + 5, flag);
        FieldOps.cneg(c, co + termOffset, flag);
    }

    /**
     * Constant-time table lookup: writes entry {@code |digit|} of {@code count} consecutive entries of
     * {@code size} longs (entry k holds (k+1) times a point), the identity for digit 0, negated for digit < 0.
     */
    static void select(long[] out, long[] table, int tableOff, int count, int size, int digit) {
        long sign = (digit >>> 31) & 1;
        long abs = (digit ^ -sign) + sign;
        if (size == AFFINE) {
            identityAffine(out, 0);
        } else {
            identityCached(out, 0);
        }
        for (int k = 0; k < count; k++) {
            long eq = (((abs ^ (k + 1)) - 1) >>> 63) & 1;  // 1 iff abs == k + 1
            long m = -eq;
            int base = tableOff + k * size;
            for (int i = 0; i < size; i++) {
                out[i] ^= m & (out[i] ^ table[base + i]);
            }
        }
        condNegNiels(out, 0, size - 5, sign);
    }

    /**
     * Constant-time lookup specialised to affine Niels tables: entry {@code |digit|} of {@code count}
     * consecutive entries (entry k holds (k+1)·P), the identity for 0, negated for digit < 0. Every entry is
     * read and masked; the 15 coordinates are accumulated in locals and stored once (measured about twice as
     * fast as {@link #select}, which rewrites the output array for every entry).
     */
    static void selectAffine(long[] out, long[] table, int tableOff, int count, int digit) {
        long sign = (digit >>> 31) & 1;
        long abs = (digit ^ -sign) + sign;
        long p0 = 1, p1 = 0, p2 = 0, p3 = 0, p4 = 0;
        long q0 = 1, q1 = 0, q2 = 0, q3 = 0, q4 = 0;
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        int base = tableOff;
        for (int k = 1; k <= count; k++, base += AFFINE) {
            long m = -((((abs ^ k) - 1) >>> 63) & 1);   // all ones iff abs == k
            p0 ^= m & (p0 ^ table[base + 0]);
            p1 ^= m & (p1 ^ table[base + 1]);
            p2 ^= m & (p2 ^ table[base + 2]);
            p3 ^= m & (p3 ^ table[base + 3]);
            p4 ^= m & (p4 ^ table[base + 4]);
            q0 ^= m & (q0 ^ table[base + 5]);
            q1 ^= m & (q1 ^ table[base + 6]);
            q2 ^= m & (q2 ^ table[base + 7]);
            q3 ^= m & (q3 ^ table[base + 8]);
            q4 ^= m & (q4 ^ table[base + 9]);
            t0 ^= m & (t0 ^ table[base + 10]);
            t1 ^= m & (t1 ^ table[base + 11]);
            t2 ^= m & (t2 ^ table[base + 12]);
            t3 ^= m & (t3 ^ table[base + 13]);
            t4 ^= m & (t4 ^ table[base + 14]);
        }
        // Negation of an affine Niels point: swap y+x with y-x and negate 2dxy.
        long m = -sign;
        long x;
        x = m & (p0 ^ q0); out[0] = p0 ^ x; out[5] = q0 ^ x;
        x = m & (p1 ^ q1); out[1] = p1 ^ x; out[6] = q1 ^ x;
        x = m & (p2 ^ q2); out[2] = p2 ^ x; out[7] = q2 ^ x;
        x = m & (p3 ^ q3); out[3] = p3 ^ x; out[8] = q3 ^ x;
        x = m & (p4 ^ q4); out[4] = p4 ^ x; out[9] = q4 ^ x;
        out[10] = t0; out[11] = t1; out[12] = t2; out[13] = t3; out[14] = t4;
        FieldOps.cneg(out, 10, sign);
    }

    /** Converts n extended points to affine Niels form with one shared inversion. */
    static void batchToAffine(long[] out, int outOff, long[] pts, int ptsOff, int n) {
        long[] prefix = new long[5 * (n + 1)];
        FieldOps.one(prefix, 0);
        for (int i = 0; i < n; i++) {
            mul(prefix, 5 * (i + 1), prefix, 5 * i, pts, ptsOff + i * EXT + Z);
        }
        long[] inv = new long[5];
        FieldPow.invert(inv, 0, prefix, 5 * n);
        long[] zInv = new long[5];
        long[] x = new long[5];
        long[] y = new long[5];
        for (int i = n - 1; i >= 0; i--) {
            int p = ptsOff + i * EXT;
            mul(zInv, 0, inv, 0, prefix, 5 * i);    // 1/Z_i
            mul(inv, 0, inv, 0, pts, p + Z);        // 1/(Z_0..Z_{i-1})
            mul(x, 0, pts, p + X, zInv, 0);
            mul(y, 0, pts, p + Y, zInv, 0);
            int o = outOff + i * AFFINE;
            add(out, o, y, 0, x, 0);
            sub(out, o + 5, y, 0, x, 0);
            mul(out, o + 10, x, 0, y, 0);
            mul(out, o + 10, out, o + 10, Constants.D2, 0);
        }
    }
}
