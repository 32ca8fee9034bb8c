package io.zrt.crypto.cortado;

/**
 * Fixed-base table for k·G: for every radix-16 position i (0..63) the affine points j·16^i·G, j = 1..8
 * (512 points, 40 KiB of limbs). With signed digits k = Σ d_i·16^i, d_i ∈ [-8, 8], k·G is a sum of 64 table
 * entries and needs no doubling at all.
 */
final class GeneratorTable {

    private static final int POSITIONS = 64;
    private static final int PER_POSITION = 8;
    private static final int L = MontgomeryFp.LIMBS;

    /** Entry (i, j) for j·16^i·G, j = 1..8, at offset ((8i + j - 1)·5) in these flat arrays. */
    private final long[] xs = new long[POSITIONS * PER_POSITION * L];
    private final long[] ys = new long[POSITIONS * PER_POSITION * L];

    GeneratorTable(AffineLimbs generator) {
        PointFormulas formulas = new PointFormulas();
        JacobianPoint[] points = new JacobianPoint[POSITIONS * PER_POSITION];
        JacobianPoint base = JacobianPoint.ofAffine(generator.x(), generator.y());
        for (int i = 0; i < POSITIONS; i++) {
            int first = i * PER_POSITION;
            points[first] = new JacobianPoint();
            points[first].set(base);
            for (int j = 1; j < PER_POSITION; j++) {
                points[first + j] = new JacobianPoint();
                formulas.addVartime(points[first + j], points[first + j - 1], base);
            }
            formulas.dbl(base, points[first + PER_POSITION - 1]); // 16 · 16^i·G
        }
        AffineLimbs[] affine = AffineLimbs.batchOf(points);
        for (int e = 0; e < affine.length; e++) {
            System.arraycopy(affine[e].x(), 0, xs, e * L, L);
            System.arraycopy(affine[e].y(), 0, ys, e * L, L);
        }
    }

    /**
     * (x, y) = d·16^i·G for d ≠ 0, read by scanning all eight entries of position i with masks (the memory
     * access pattern does not depend on d) and negating y under a mask. For d = 0 the output is (0, 0),
     * which the caller discards.
     */
    void lookup(int position, int digit, long[] x, long[] y, long[] scratch) {
        int sign = digit >> 31;
        int magnitude = (digit ^ sign) - sign;
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(y, 0);
        int base = position * PER_POSITION * L;
        for (int j = 0; j < PER_POSITION; j++) {
            long mask = ((magnitude ^ (j + 1)) - 1) >> 31; // -1 iff magnitude == j + 1 (int, sign-extended)
            int off = base + j * L;
            for (int l = 0; l < L; l++) {
                x[l] |= xs[off + l] & mask;
                y[l] |= ys[off + l] & mask;
            }
        }
        MontgomeryFp.neg(scratch, y);
        MontgomeryFp.select(y, scratch, sign);
    }
}
