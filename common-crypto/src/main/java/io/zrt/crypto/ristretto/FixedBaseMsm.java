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
     * doubling chain for all parts. Constant-time in the scalars; a null entry is skipped (which entries are
     * null must therefore be public).
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
            for (Scalar x : scalars[p]) {
                terms += x == null ? 0 : 1;
            }
        }
        // Digits laid out position-major so the inner loop walks them sequentially.
        byte[] digits = new byte[64 * terms];
        long[][] rows = new long[terms][];
        int[] offsets = new int[terms];
        int t = 0;
        for (int p = 0; p < tables.length; p++) {
            for (int i = 0; i < scalars[p].length; i++) {
                if (scalars[p][i] == null) {
                    continue;
                }
                byte[] d = ScalarDigits.radix16(scalars[p][i].canonicalLimbs());
                for (int pos = 0; pos < 64; pos++) {
                    digits[pos * terms + t] = d[pos];
                }
                rows[t] = tables[p].table;
                offsets[t] = i * ENTRIES * AFFINE;
                t++;
            }
        }
        int parts = MsmThreads.partsFor(terms);
        int all = terms;
        return sum(MsmThreads.run(parts, p -> straus(rows, offsets, digits, all,
                MsmThreads.start(all, parts, p), MsmThreads.start(all, parts, p + 1))));
    }

    /** Constant-time Straus over terms [from, to) with one doubling chain. */
    private static RistrettoPoint straus(long[][] rows, int[] offsets, byte[] digits, int terms, int from, int to) {
        long[] q = new long[EXT];
        long[] c = new long[COMPLETED];
        long[] sel = new long[AFFINE];
        PointOps.identityExt(q, 0);
        for (int pos = 63; pos >= 0; pos--) {
            if (pos != 63) {
                ScalarMul.times16(q, c);
            }
            int at = pos * terms;
            for (int i = from; i < to; i++) {
                PointOps.selectAffine(sel, rows[i], offsets[i], ENTRIES, digits[at + i]);
                PointOps.addAffine(c, q, 0, sel, 0, false);
                PointOps.completedToExt(q, 0, c);
            }
        }
        return new RistrettoPoint(q);
    }

    private static RistrettoPoint sum(java.util.List<RistrettoPoint> parts) {
        RistrettoPoint total = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            total = total.add(parts.get(i));
        }
        return total;
    }

    /**
     * sum over i of bits[i] * base_i for values that are 0 or 1 (null entries skipped), constant-time in the
     * values: one masked selection between the identity and the stored base, and one mixed addition, per term.
     * Only the lowest bit of each value is used: callers must know (publicly) that the values are bits.
     */
    public RistrettoPoint multiplyBits(Scalar[] bits) {
        Objects.requireNonNull(bits, "bits");
        if (bits.length > size) {
            throw new IllegalArgumentException("more scalars (" + bits.length + ") than bases (" + size + ")");
        }
        long[] q = new long[EXT];
        long[] c = new long[COMPLETED];
        long[] sel = new long[AFFINE];
        PointOps.identityExt(q, 0);
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] == null) {
                continue;
            }
            int bit = (int) (bits[i].canonicalLimbs()[0] & 1);
            PointOps.selectAffine(sel, table, i * ENTRIES * AFFINE, 1, bit);
            PointOps.addAffine(c, q, 0, sel, 0, false);
            PointOps.completedToExt(q, 0, c);
        }
        return new RistrettoPoint(q);
    }

    /**
     * Variable-time, for public scalars only: sum over parts p of sum_i scalars[p][i] * tables[p].base_i,
     * where null and zero scalars are skipped. Pippenger's bucket method over the stored affine bases (no
     * normalisation per call); a scalar above 2^251 is replaced by its negation on the negated base, so
     * small negative scalars such as -1 cost one addition instead of one per window.
     */
    public static RistrettoPoint vartimeMultiply(FixedBaseMsm[] tables, Scalar[][] scalars) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(scalars, "scalars");
        if (tables.length != scalars.length) {
            throw new IllegalArgumentException("one scalar vector per table is required");
        }
        int m = 0;
        for (int p = 0; p < tables.length; p++) {
            if (scalars[p].length > tables[p].size) {
                throw new IllegalArgumentException(
                    "more scalars (" + scalars[p].length + ") than bases (" + tables[p].size + ")");
            }
            for (Scalar s : scalars[p]) {
                if (s != null && !s.isZero()) {
                    m++;
                }
            }
        }
        if (m == 0) {
            return RistrettoPoint.identity();
        }
        int c = Msm.pippengerWindow(m);
        int windows = (256 + c - 1) / c;
        int[] digits = new int[m * windows];
        long[] affine = new long[m * AFFINE];
        int t = 0;
        for (int p = 0; p < tables.length; p++) {
            long[] source = tables[p].table;
            for (int i = 0; i < scalars[p].length; i++) {
                Scalar s = scalars[p][i];
                if (s == null || s.isZero()) {
                    continue;
                }
                long[] limbs = s.canonicalLimbs();
                System.arraycopy(source, i * ENTRIES * AFFINE, affine, t * AFFINE, AFFINE);
                if ((limbs[3] >>> 59) != 0) {
                    limbs = s.negate().canonicalLimbs();
                    PointOps.condNegNiels(affine, t * AFFINE, 10, 1);
                }
                ScalarDigits.signedWindows(limbs, c, digits, t * windows);
                t++;
            }
        }
        int parts = MsmThreads.partsFor(m);
        if (parts == 1) {
            return new RistrettoPoint(BucketSum.run(affine, m, digits, windows, c));
        }
        int all = m;
        return sum(MsmThreads.run(parts, p -> {
            int from = MsmThreads.start(all, parts, p);
            int to = MsmThreads.start(all, parts, p + 1);
            return new RistrettoPoint(BucketSum.run(java.util.Arrays.copyOfRange(affine, from * AFFINE, to * AFFINE),
                    to - from, java.util.Arrays.copyOfRange(digits, from * windows, to * windows), windows, c));
        }));
    }

    /**
     * Variable-time, for public coefficients only: out[j] = sum over k < coefficients.length of
     * coefficients[k] * base_(j + k * stride) for j < stride (the generators of an inner-product argument
     * folded over several rounds: every output uses the same coefficients). The coefficients are recoded once
     * (width-4 NAF: odd digits up to 7, read straight from the stored multiples, so no table is built) and each
     * output runs one Straus pass with its own doubling chain.
     */
    public RistrettoPoint[] vartimeStridedCombinations(Scalar[] coefficients, int stride) {
        Objects.requireNonNull(coefficients, "coefficients");
        int k = coefficients.length;
        if (stride < 1 || (long) k * stride > size) {
            throw new IllegalArgumentException("the combinations need more bases than the table holds");
        }
        byte[][] nafs = new byte[k][];
        int top = -1;
        for (int t = 0; t < k; t++) {
            nafs[t] = ScalarDigits.wnaf(Objects.requireNonNull(coefficients[t], "coefficient").canonicalLimbs(), 4);
            for (int pos = nafs[t].length - 1; pos > top; pos--) {
                if (nafs[t][pos] != 0) {
                    top = pos;
                    break;
                }
            }
        }
        RistrettoPoint[] out = new RistrettoPoint[stride];
        int parts = MsmThreads.partsFor(stride * k / 4);
        int last = top;
        MsmThreads.run(parts, p -> {
            stridedRange(nafs, last, stride, MsmThreads.start(stride, parts, p), MsmThreads.start(stride, parts, p + 1),
                    out);
            return Boolean.TRUE;
        });
        return out;
    }

    private void stridedRange(byte[][] nafs, int top, int stride, int fromJ, int toJ, RistrettoPoint[] out) {
        int k = nafs.length;
        long[] c = new long[COMPLETED];
        for (int j = fromJ; j < toJ; j++) {
            long[] q = new long[EXT];
            PointOps.identityExt(q, 0);
            for (int pos = top; pos >= 0; pos--) {
                PointOps.dbl(c, q, 0);
                PointOps.completedToExt(q, 0, c);
                for (int t = 0; t < k; t++) {
                    int d = nafs[t][pos];
                    if (d != 0) {
                        int entry = (j + t * stride) * ENTRIES + ((d > 0 ? d : -d) - 1);
                        PointOps.addAffine(c, q, 0, table, entry * AFFINE, d < 0);
                        PointOps.completedToExt(q, 0, c);
                    }
                }
            }
            out[j] = new RistrettoPoint(q);
        }
    }

    @Override
    public String toString() {
        return "FixedBaseMsm[bases=" + size + "]";
    }
}
