package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.PointOps.AFFINE;
import static io.zrt.crypto.ristretto.PointOps.COMPLETED;
import static io.zrt.crypto.ristretto.PointOps.EXT;

import java.util.List;
import java.util.Objects;

/**
 * Multi-scalar multiplication over a fixed list of bases (for example the vector generators G_i, H_i of
 * a proof system), variable-time, so only for public scalars (verification).
 *
 * <p>For a window width c chosen from the number of bases, every base P_i is stored as the affine points
 * 2^(c k) P_i for each of the ceil(256/c) windows k. A multiplication is then a single bucket pass over
 * n * windows signed c-bit digits, with one bucket reduction and no doublings at all. Memory is
 * 120 bytes per stored point: about 10 MiB for 4,096 bases and 79 MiB for 32,768 (c = 13, 20 windows).
 * Instances are immutable and safe to share between threads.
 */
public final class PrecomputedMsm {
    private final int size;
    private final int window;
    private final int windows;
    /** Entry i * windows + k holds 2^(window k) * base_i in affine Niels form. */
    private final long[] table;

    private PrecomputedMsm(List<RistrettoPoint> bases) {
        this.size = bases.size();
        this.window = chooseWindow(size);
        this.windows = (256 + window - 1) / window;
        this.table = new long[size * windows * AFFINE];
        int chunk = 256;
        long[] ext = new long[chunk * windows * EXT];
        long[] c = new long[COMPLETED];
        for (int start = 0; start < size; start += chunk) {
            int count = Math.min(chunk, size - start);
            for (int j = 0; j < count; j++) {
                long[] p = Objects.requireNonNull(bases.get(start + j), "base").ext;
                int row = j * windows * EXT;
                System.arraycopy(p, 0, ext, row, EXT);
                for (int k = 1; k < windows; k++) {
                    System.arraycopy(ext, row + (k - 1) * EXT, ext, row + k * EXT, EXT);
                    for (int d = 0; d < window; d++) {
                        PointOps.dbl(c, ext, row + k * EXT);
                        PointOps.completedToExt(ext, row + k * EXT, c);
                    }
                }
            }
            PointOps.batchToAffine(table, start * windows * AFFINE, ext, 0, count * windows);
        }
    }

    /** Precomputes the tables for these bases (cost: about 256 doublings per base). */
    public static PrecomputedMsm of(List<RistrettoPoint> bases) {
        Objects.requireNonNull(bases, "bases");
        return new PrecomputedMsm(List.copyOf(bases));
    }

    public int size() {
        return size;
    }

    /**
     * sum of scalars[i] * base_i for the first scalars.length bases (fewer scalars than bases is allowed,
     * which serves proofs that use a prefix of a larger generator set). Variable-time.
     */
    public RistrettoPoint vartimeMultiply(Scalar[] scalars) {
        Objects.requireNonNull(scalars, "scalars");
        if (scalars.length > size) {
            throw new IllegalArgumentException("more scalars (" + scalars.length + ") than bases (" + size + ")");
        }
        int m = scalars.length;
        int[] digits = new int[m * windows];
        for (int i = 0; i < m; i++) {
            ScalarDigits.signedWindows(Objects.requireNonNull(scalars[i], "scalar").canonicalLimbs(), window, digits,
                i * windows);
        }
        return new RistrettoPoint(BucketSum.run(table, m * windows, digits, 1, window));
    }

    /**
     * sum of fixedScalars[i] * base_i + sum of dynamicScalars[j] * dynamicPoints[j]: the shape of a
     * verification equation with fixed generators and proof-specific points. Variable-time.
     */
    public RistrettoPoint vartimeMixedMultiply(Scalar[] fixedScalars, Scalar[] dynamicScalars,
                                               RistrettoPoint[] dynamicPoints) {
        RistrettoPoint fixed = vartimeMultiply(fixedScalars);
        return fixed.add(RistrettoPoint.vartimeMultiscalarMul(dynamicScalars, dynamicPoints));
    }

    /**
     * Minimises additions, ceil(256/c) * n + 2^c, with c capped at 13: larger windows need fewer additions
     * on paper but their 2^(c-1) buckets (160 bytes each) fall out of the L2 cache, which measured slower
     * at 32,768 bases (c = 16 lost to plain Pippenger).
     */
    static int chooseWindow(int n) {
        int best = 4;
        long bestCost = Long.MAX_VALUE;
        for (int c = 4; c <= 13; c++) {
            long cost = (long) ((256 + c - 1) / c) * n + (1L << c);
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "PrecomputedMsm[bases=" + size + ", window=" + window + "]";
    }
}
