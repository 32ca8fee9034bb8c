package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.PointOps.AFFINE;
import static io.zrt.crypto.ristretto.PointOps.CACHED;
import static io.zrt.crypto.ristretto.PointOps.COMPLETED;
import static io.zrt.crypto.ristretto.PointOps.EXT;

/** Multi-scalar multiplication: sum of s_i * P_i. */
final class Msm {
    /** Below this many terms interleaved wNAF (Straus) beats Pippenger's bucket overhead. */
    static final int PIPPENGER_THRESHOLD = 160;
    private static final int NAF_WIDTH = 5;

    private Msm() {
    }

    /** Constant-time in the scalars: Straus with radix-16 signed digits and masked table lookups. */
    static long[] straus(Scalar[] scalars, long[][] points) {
        int n = scalars.length;
        long[][] tables = new long[n][];
        byte[][] digits = new byte[n][];
        for (int i = 0; i < n; i++) {
            tables[i] = ScalarMul.cachedMultiples(points[i], 0);
            digits[i] = ScalarDigits.radix16(scalars[i].canonicalLimbs());
        }
        long[] q = new long[EXT];
        long[] c = new long[COMPLETED];
        long[] sel = new long[CACHED];
        PointOps.identityExt(q, 0);
        for (int pos = 63; pos >= 0; pos--) {
            if (pos != 63) {
                ScalarMul.times16(q, c);
            }
            for (int i = 0; i < n; i++) {
                PointOps.select(sel, tables[i], 0, 8, CACHED, digits[i][pos]);
                PointOps.addCached(c, q, 0, sel, 0, false);
                PointOps.completedToExt(q, 0, c);
            }
        }
        return q;
    }

    /** Variable-time: picks Straus or Pippenger by size. Only for public scalars. */
    static long[] vartime(Scalar[] scalars, long[][] points) {
        int n = scalars.length;
        if (n < PIPPENGER_THRESHOLD) {
            return vartimeStraus(scalars, points);
        }
        int parts = MsmThreads.partsFor(n / 8);      // opt-in; only worth it for thousands of terms
        if (parts == 1) {
            return pippenger(scalars, points);
        }
        java.util.List<long[]> sums = MsmThreads.run(parts, p -> {
            int from = MsmThreads.start(n, parts, p);
            int to = MsmThreads.start(n, parts, p + 1);
            return pippenger(java.util.Arrays.copyOfRange(scalars, from, to),
                    java.util.Arrays.copyOfRange(points, from, to));
        });
        RistrettoPoint total = new RistrettoPoint(sums.get(0));
        for (int i = 1; i < parts; i++) {
            total = total.add(new RistrettoPoint(sums.get(i)));
        }
        return total.ext;
    }

    /** Interleaved width-5 NAF: odd multiples P, 3P, ..., 15P per point, one shared doubling chain. */
    static long[] vartimeStraus(Scalar[] scalars, long[][] points) {
        int n = scalars.length;
        long[][] tables = new long[n][];
        byte[][] nafs = new byte[n][];
        long[] c = new long[COMPLETED];
        long[] tmp = new long[EXT];
        long[] twice = new long[CACHED];
        int top = -1;
        for (int i = 0; i < n; i++) {
            nafs[i] = ScalarDigits.wnaf(scalars[i].canonicalLimbs(), NAF_WIDTH);
            for (int pos = nafs[i].length - 1; pos > top; pos--) {
                if (nafs[i][pos] != 0) {
                    top = pos;
                    break;
                }
            }
            long[] t = new long[8 * CACHED];
            PointOps.toCached(t, 0, points[i], 0);
            PointOps.dbl(c, points[i], 0);
            PointOps.completedToExt(tmp, 0, c);
            PointOps.toCached(twice, 0, tmp, 0);
            System.arraycopy(points[i], 0, tmp, 0, EXT);
            for (int k = 1; k < 8; k++) {
                PointOps.addCached(c, tmp, 0, twice, 0, false);
                PointOps.completedToExt(tmp, 0, c);
                PointOps.toCached(t, k * CACHED, tmp, 0);
            }
            tables[i] = t;
        }
        long[] q = new long[EXT];
        PointOps.identityExt(q, 0);
        for (int pos = top; pos >= 0; pos--) {
            PointOps.dbl(c, q, 0);
            PointOps.completedToExt(q, 0, c);
            for (int i = 0; i < n; i++) {
                int d = nafs[i][pos];
                if (d > 0) {
                    PointOps.addCached(c, q, 0, tables[i], (d >>> 1) * CACHED, false);
                    PointOps.completedToExt(q, 0, c);
                } else if (d < 0) {
                    PointOps.addCached(c, q, 0, tables[i], ((-d) >>> 1) * CACHED, true);
                    PointOps.completedToExt(q, 0, c);
                }
            }
        }
        return q;
    }

    /** Window width minimising (additions into buckets + bucket reduction) per window times windows. */
    static int pippengerWindow(int n) {
        int best = 4;
        long bestCost = Long.MAX_VALUE;
        for (int c = 4; c <= 16; c++) {
            long windows = (256 + c - 1) / c;
            long cost = windows * (n + (1L << c)) + 256;
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    /** Pippenger's bucket method over signed radix-2^c digits, with the points in affine Niels form. */
    static long[] pippenger(Scalar[] scalars, long[][] points) {
        int n = scalars.length;
        int c = pippengerWindow(n);
        int windows = (256 + c - 1) / c;
        int[] digits = new int[n * windows];
        long[] ext = new long[n * EXT];
        for (int i = 0; i < n; i++) {
            ScalarDigits.signedWindows(scalars[i].canonicalLimbs(), c, digits, i * windows);
            System.arraycopy(points[i], 0, ext, i * EXT, EXT);
        }
        long[] affine = new long[n * AFFINE];
        PointOps.batchToAffine(affine, 0, ext, 0, n);
        return BucketSum.run(affine, n, digits, windows, c);
    }
}
