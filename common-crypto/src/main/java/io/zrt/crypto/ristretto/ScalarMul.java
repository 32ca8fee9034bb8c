package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.PointOps.CACHED;
import static io.zrt.crypto.ristretto.PointOps.COMPLETED;
import static io.zrt.crypto.ristretto.PointOps.EXT;

/** Single scalar multiplications; constant-time with respect to the scalar. */
final class ScalarMul {
    private ScalarMul() {
    }

    /** Cached multiples 1P .. 8P, consecutive (8 * CACHED longs). */
    static long[] cachedMultiples(long[] p, int po) {
        long[] table = new long[8 * CACHED];
        long[] acc = new long[EXT];
        long[] c = new long[COMPLETED];
        System.arraycopy(p, po, acc, 0, EXT);
        PointOps.toCached(table, 0, acc, 0);
        for (int k = 1; k < 8; k++) {
            PointOps.addCached(c, acc, 0, table, 0, false);
            PointOps.completedToExt(acc, 0, c);
            PointOps.toCached(table, k * CACHED, acc, 0);
        }
        return table;
    }

    /** q = 16 q via four doublings; the three intermediate results stay projective. */
    static void times16(long[] q, long[] c) {
        for (int k = 0; k < 3; k++) {
            PointOps.dbl(c, q, 0);
            PointOps.completedToProjective(q, 0, c);
        }
        PointOps.dbl(c, q, 0);
        PointOps.completedToExt(q, 0, c);
    }

    /** Variable base, fixed window of 4 bits with signed digits and constant-time table lookups. */
    static long[] multiply(long[] p, Scalar s) {
        long[] table = cachedMultiples(p, 0);
        byte[] e = ScalarDigits.radix16(s.canonicalLimbs());
        long[] q = new long[EXT];
        long[] c = new long[COMPLETED];
        long[] sel = new long[CACHED];
        PointOps.identityExt(q, 0);
        for (int i = 63; i >= 0; i--) {
            if (i != 63) {
                times16(q, c);
            }
            PointOps.select(sel, table, 0, 8, CACHED, e[i]);
            PointOps.addCached(c, q, 0, sel, 0, false);
            PointOps.completedToExt(q, 0, c);
        }
        return q;
    }
}
