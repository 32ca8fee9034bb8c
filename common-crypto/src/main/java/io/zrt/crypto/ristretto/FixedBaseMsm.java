package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.PointOps.AFFINE;
import static io.zrt.crypto.ristretto.PointOps.CACHED;
import static io.zrt.crypto.ristretto.PointOps.COMPLETED;
import static io.zrt.crypto.ristretto.PointOps.EXT;

import java.util.List;
import java.util.Objects;

/**
 * Constant-time multi-scalar multiplication over a fixed list of bases, for secret scalars (a prover's
 * witness commitments over the generators Gᵢ, Hᵢ).
 *
 * <p>Each base P is stored once as its multiples 1P .. 8P in affine Niels form (8 × 120 bytes = 960 bytes per
 * base: 15 MiB for 16,384 bases). A multiplication is Straus over 64 signed radix-16 digits with one shared
 * chain of 252 doublings; each term and digit costs one masked scan of the base's 8 entries and one mixed
 * addition (7 field multiplications). Compared with {@link RistrettoPoint#multiscalarMul}, no per-call
 * table is built and each addition saves a multiplication. Nothing branches on, or indexes memory by, a
 * scalar digit. Instances are immutable and safe to share between threads.
 */
public final class FixedBaseMsm {
    /** Entries per base: the multiples 1P .. 8P reached by signed radix-16 digits. */
    static final int ENTRIES = 8;

    private final int size;
    /** Base i occupies longs [i·ENTRIES·AFFINE, (i+1)·ENTRIES·AFFINE): entry k is (k+1)·P_i. */
    private final long[] table;

    private FixedBaseMsm(List<RistrettoPoint> bases) {
        this.size = bases.size();
        this.table = new long[size * ENTRIES * AFFINE];
        int chunk = 512;
        long[] ext = new long[chunk * ENTRIES * EXT];
        long[] cached = new long[CACHED];
        long[] c = new long[COMPLETED];
        for (int start = 0; start < size; start += chunk) {
            int count = Math.min(chunk, size - start);
            for (int j = 0; j < count; j++) {
                long[] p = Objects.requireNonNull(bases.get(start + j), "base").ext;
                int row = j * ENTRIES * EXT;
                System.arraycopy(p, 0, ext, row, EXT);
                PointOps.toCached(cached, 0, p, 0);
                for (int k = 1; k < ENTRIES; k++) {
                    PointOps.addCached(c, ext, row + (k - 1) * EXT, cached, 0, false);
                    PointOps.completedToExt(ext, row + k * EXT, c);
                }
            }
            PointOps.batchToAffine(table, start * ENTRIES * AFFINE, ext, 0, count * ENTRIES);
        }
    }

    /** Builds the tables (cost: about 8 point additions per base, one field inversion per 512 bases). */
    public static FixedBaseMsm of(List<RistrettoPoint> bases) {
        Objects.requireNonNull(bases, "bases");
        return new FixedBaseMsm(List.copyOf(bases));
    }

    public int size() {
        return size;
    }

    /** Bytes held by the tables. */
    public long tableBytes() {
        return 8L * table.length;
    }

    /**
     * sum of scalars[i] * base_i over the first scalars.length bases; constant-time in the scalars (their
     * number is public).
     */
    public RistrettoPoint multiply(Scalar[] scalars) {
        return multiply(new FixedBaseMsm[] {this}, new Scalar[][] {scalars});
    }

    /**
     * sum over parts p of sum_i scalars[p][i] * tables[p].base_i (each part a prefix of its table), with one
     * doubling chain for all parts. Constant-time in the scalars.
     */
    public static RistrettoPoint multiply(FixedBaseMsm[] tables, Scalar[][] scalars) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(scalars, "scalars");
        if (tables.length != scalars.length) {
            throw new IllegalArgumentException("one scalar vector per table is required");
        }
        int terms = 0;
        for (int p = 0; p < tables.length; p++) {
            Objects.requireNonNull(scalars[p], "scalars");
            if (scalars[p].length > tables[p].size) {
                throw new IllegalArgumentException(
                    "more scalars (" + scalars[p].length + ") than bases (" + tables[p].size + ")");
            }
            terms += scalars[p].length;
        }
        // Digits laid out position-major so the inner loop walks them sequentially.
        byte[] digits = new byte[64 * terms];
        long[][] rows = new long[terms][];
        int[] offsets = new int[terms];
        int t = 0;
        for (int p = 0; p < tables.length; p++) {
            for (int i = 0; i < scalars[p].length; i++, t++) {
                byte[] d = ScalarDigits.radix16(Objects.requireNonNull(scalars[p][i], "scalar").canonicalLimbs());
                for (int pos = 0; pos < 64; pos++) {
                    digits[pos * terms + t] = d[pos];
                }
                rows[t] = tables[p].table;
                offsets[t] = i * ENTRIES * AFFINE;
            }
        }
        long[] q = new long[EXT];
        long[] c = new long[COMPLETED];
        long[] sel = new long[AFFINE];
        PointOps.identityExt(q, 0);
        for (int pos = 63; pos >= 0; pos--) {
            if (pos != 63) {
                ScalarMul.times16(q, c);
            }
            int at = pos * terms;
            for (int i = 0; i < terms; i++) {
                PointOps.selectAffine(sel, rows[i], offsets[i], ENTRIES, digits[at + i]);
                PointOps.addAffine(c, q, 0, sel, 0, false);
                PointOps.completedToExt(q, 0, c);
            }
        }
        return new RistrettoPoint(q);
    }

    /** Copies base i in affine Niels form (entry 1·P) to out[off ..]: for variable-time callers. */
    void affineBase(int i, long[] out, int off) {
        System.arraycopy(table, i * ENTRIES * AFFINE, out, off, AFFINE);
    }

    @Override
    public String toString() {
        return "FixedBaseMsm[bases=" + size + "]";
    }
}
