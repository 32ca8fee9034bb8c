package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.PointOps.AFFINE;
import static io.zrt.crypto.ristretto.PointOps.COMPLETED;
import static io.zrt.crypto.ristretto.PointOps.EXT;

/**
 * Fixed-base multiplication by the basepoint B: 32 tables, table k holding j * 256^k * B for j = 1..8
 * in affine Niels form (256 points, 30 KiB). A scalar's 64 signed radix-16 digits are consumed as
 * odd positions first, one multiplication by 16, then even positions: 64 mixed additions and 4
 * doublings, every lookup constant-time.
 */
final class BasepointTable {
    private static final long[] TABLE = build();

    private BasepointTable() {
    }

    private static long[] build() {
        long[] ext = new long[32 * 8 * EXT];
        long[] base = RistrettoPoint.basepoint().ext.clone();
        long[] c = new long[COMPLETED];
        long[] cached = new long[PointOps.CACHED];
        for (int k = 0; k < 32; k++) {
            int row = k * 8 * EXT;
            System.arraycopy(base, 0, ext, row, EXT);
            PointOps.toCached(cached, 0, base, 0);
            for (int j = 1; j < 8; j++) {
                PointOps.addCached(c, ext, row + (j - 1) * EXT, cached, 0, false);
                PointOps.completedToExt(ext, row + j * EXT, c);
            }
            for (int d = 0; d < 8; d++) {     // next base: 256 * base
                PointOps.dbl(c, base, 0);
                PointOps.completedToExt(base, 0, c);
            }
        }
        long[] table = new long[32 * 8 * AFFINE];
        PointOps.batchToAffine(table, 0, ext, 0, 32 * 8);
        return table;
    }

    static long[] multiply(Scalar s) {
        byte[] e = ScalarDigits.radix16(s.canonicalLimbs());
        long[] q = new long[EXT];
        long[] c = new long[COMPLETED];
        long[] sel = new long[AFFINE];
        PointOps.identityExt(q, 0);
        for (int i = 1; i < 64; i += 2) {
            PointOps.selectAffine(sel, TABLE, (i >>> 1) * 8 * AFFINE, 8, e[i]);
            PointOps.addAffine(c, q, 0, sel, 0, false);
            PointOps.completedToExt(q, 0, c);
        }
        ScalarMul.times16(q, c);
        for (int i = 0; i < 64; i += 2) {
            PointOps.selectAffine(sel, TABLE, (i >>> 1) * 8 * AFFINE, 8, e[i]);
            PointOps.addAffine(c, q, 0, sel, 0, false);
            PointOps.completedToExt(q, 0, c);
        }
        return q;
    }
}
