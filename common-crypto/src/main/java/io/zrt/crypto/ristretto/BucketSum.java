package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.PointOps.AFFINE;
import static io.zrt.crypto.ristretto.PointOps.CACHED;
import static io.zrt.crypto.ristretto.PointOps.COMPLETED;
import static io.zrt.crypto.ristretto.PointOps.EXT;

/** The bucket phase shared by Pippenger and the precomputed variant. Variable-time. */
final class BucketSum {
    private BucketSum() {
    }

    /**
     * Sums digit * point over all points and windows, window k weighted by 2^(c k): windows are processed
     * from the top, the accumulator multiplied by 2^c between them. digits[i * windows + k] is point i's
     * digit for window k, in [-2^(c-1), 2^(c-1)].
     */
    static long[] run(long[] affine, int n, int[] digits, int windows, int c) {
        int buckets = 1 << (c - 1);
        long[] bucket = new long[buckets * EXT];
        long[] acc = new long[EXT];
        long[] comp = new long[COMPLETED];
        boolean[] filled = new boolean[buckets];
        PointOps.identityExt(acc, 0);
        for (int k = windows - 1; k >= 0; k--) {
            if (k != windows - 1) {
                for (int d = 0; d < c - 1; d++) {
                    PointOps.dbl(comp, acc, 0);
                    PointOps.completedToProjective(acc, 0, comp);
                }
                PointOps.dbl(comp, acc, 0);
                PointOps.completedToExt(acc, 0, comp);
            }
            for (int b = 0; b < buckets; b++) {
                PointOps.identityExt(bucket, b * EXT);
            }
            java.util.Arrays.fill(filled, false);
            for (int i = 0; i < n; i++) {
                int d = digits[i * windows + k];
                if (d != 0) {
                    int b = (d > 0 ? d : -d) - 1;
                    if (filled[b]) {
                        PointOps.addAffine(comp, bucket, b * EXT, affine, i * AFFINE, d < 0);
                        PointOps.completedToExt(bucket, b * EXT, comp);
                    } else {
                        fromAffine(bucket, b * EXT, affine, i * AFFINE, d < 0);
                        filled[b] = true;
                    }
                }
            }
            addWeighted(acc, bucket, buckets, comp);
        }
        return acc;
    }

    /** 1/d: turns an affine Niels 2dxy into the T = 2xy of the extended point (2x : 2y : 2 : 2xy). */
    private static final long[] INV_D = inverseOfD();

    private static long[] inverseOfD() {
        long[] r = new long[5];
        FieldPow.invert(r, 0, Constants.D, 0);
        return r;
    }

    /**
     * The first point of an empty bucket is stored rather than added: from (y+x, y−x, 2dxy) the extended point
     * (2x : 2y : 2 : 2xy) costs one multiplication instead of an addition's seven; negated for {@code negate}.
     */
    static void fromAffine(long[] out, int o, long[] affine, int a, boolean negate) {
        int plus = negate ? a + 5 : a;
        int minus = negate ? a : a + 5;
        FieldOps.sub(out, o + PointOps.X, affine, plus, affine, minus);      // ±2x
        FieldOps.add(out, o + PointOps.Y, affine, a, affine, a + 5);         // 2y
        FieldOps.zero(out, o + PointOps.Z);
        out[o + PointOps.Z] = 2;
        FieldOps.mul(out, o + PointOps.T, affine, a + 10, INV_D, 0);        // 2xy
        if (negate) {
            FieldOps.neg(out, o + PointOps.T, out, o + PointOps.T);
        }
    }

    /** acc += sum over b of (b + 1) * bucket[b], by a running sum from the top bucket down. */
    static void addWeighted(long[] acc, long[] bucket, int buckets, long[] comp) {
        long[] running = new long[EXT];
        long[] total = new long[EXT];
        long[] cached = new long[CACHED];
        PointOps.identityExt(running, 0);
        PointOps.identityExt(total, 0);
        for (int b = buckets - 1; b >= 0; b--) {
            PointOps.toCached(cached, 0, bucket, b * EXT);
            PointOps.addCached(comp, running, 0, cached, 0, false);
            PointOps.completedToExt(running, 0, comp);
            PointOps.toCached(cached, 0, running, 0);
            PointOps.addCached(comp, total, 0, cached, 0, false);
            PointOps.completedToExt(total, 0, comp);
        }
        PointOps.toCached(cached, 0, total, 0);
        PointOps.addCached(comp, acc, 0, cached, 0, false);
        PointOps.completedToExt(acc, 0, comp);
    }
}
