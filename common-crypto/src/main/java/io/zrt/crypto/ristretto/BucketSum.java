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
            for (int i = 0; i < n; i++) {
                int d = digits[i * windows + k];
                if (d != 0) {
                    int b = (d > 0 ? d : -d) - 1;
                    PointOps.addAffine(comp, bucket, b * EXT, affine, i * AFFINE, d < 0);
                    PointOps.completedToExt(bucket, b * EXT, comp);
                }
            }
            addWeighted(acc, bucket, buckets, comp);
        }
        return acc;
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
