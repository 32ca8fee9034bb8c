package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public precomputation for multiplying a fixed base P by a decomposed scalar in
 * {@value BitDecomposition#WINDOW_BITS}-bit windows. Window k's entry for digit d is the point
 * Tₖ(d) = (d + 2)·8ᵏ·P for every window but the last, whose entries are (d·8ᵏ − K)·P with K = Σ_{j&lt;k} 2·8ʲ,
 * so the chain Σ Tₖ(dₖ) ends at λ·P (see {@link Cortado#offsetWindowTable}).
 *
 * <p>Because every entry and every partial sum is a known integer multiple of P, whether an addition can meet
 * its exceptional case is a question about integers, answered here once per window ({@link #distinct}): with
 * S the partial sum of windows before k and A window k's entry, 0 &lt; S &lt; A and S + A &lt; r for every
 * choice of digits means S·P ≠ ±A·P, so the affine addition needs no inverse witness. Only the last window
 * (and any window where the bound fails) keeps it. docs/branch-proof.md gives the argument.
 *
 * <p>Each entry's coordinates are stored as the coefficients of the multilinear polynomial in the window's
 * bits that takes the entry's value at each digit, so the circuit selects an entry by a linear combination of
 * {@link BitDecomposition#windowMonomials}. Coordinates are Ristretto scalars (the same field F_ℓ).
 */
final class FixedBaseTable {

    static final CortadoPoint AUXILIARY = Cortado.H;

    /** The c of (d + c)·8ᵏ: 2 is the smallest that keeps every partial sum below the next entry. */
    static final int OFFSET_DIGIT = 2;

    private static final int CACHE_SIZE = 64;
    private static final Map<String, FixedBaseTable> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FixedBaseTable> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** x[k][m], y[k][m]: coefficient of the monomial with bit mask m in window k. */
    final Scalar[][] x;
    final Scalar[][] y;
    /** distinct[k]: adding window k's entry to the partial sum can never be exceptional (k ≥ 1). */
    final boolean[] distinct;

    private FixedBaseTable(Scalar[][] x, Scalar[][] y, boolean[] distinct) {
        this.x = x;
        this.y = y;
        this.distinct = distinct;
    }

    /** The table for a base and bit count (cached: the same bases recur, e.g. G in every level). */
    static FixedBaseTable of(CortadoPoint base, int bitCount) {
        String key = bitCount + ":" + base;
        synchronized (CACHE) {
            FixedBaseTable cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        FixedBaseTable table = compute(base, bitCount);
        synchronized (CACHE) {
            CACHE.put(key, table);
        }
        return table;
    }

    static int windows(int bitCount) {
        return (bitCount + BitDecomposition.WINDOW_BITS - 1) / BitDecomposition.WINDOW_BITS;
    }

    private static FixedBaseTable compute(CortadoPoint base, int bitCount) {
        int w = windows(bitCount);
        if (w < 2) {
            throw new IllegalArgumentException("fixed-base multiplication needs at least two windows");
        }
        CortadoPoint[][] points = Cortado.offsetWindowTable(base, BitDecomposition.WINDOW_BITS, w, OFFSET_DIGIT);
        Scalar[][] xs = new Scalar[w][];
        Scalar[][] ys = new Scalar[w][];
        for (int k = 0; k < w; k++) {
            int width = Math.min(BitDecomposition.WINDOW_BITS, bitCount - k * BitDecomposition.WINDOW_BITS);
            Scalar[] vx = new Scalar[1 << width];
            Scalar[] vy = new Scalar[1 << width];
            for (int d = 0; d < vx.length; d++) {
                vx[d] = CircuitPoint.coordinate(points[k][d], true);
                vy[d] = CircuitPoint.coordinate(points[k][d], false);
            }
            xs[k] = multilinearCoefficients(vx);
            ys[k] = multilinearCoefficients(vy);
        }
        return new FixedBaseTable(xs, ys, distinctWindows(w));
    }

    /**
     * For each window k ≥ 1 but the last: with S ∈ [Σ_{j&lt;k} 2·8ʲ, Σ_{j&lt;k} 9·8ʲ] and A ∈ [2·8ᵏ, 9·8ᵏ]
     * (all windows before the last are full), is max S &lt; min A and max S + max A &lt; r? Then S ≢ ±A (mod r)
     * for every digit choice. Depends only on the window count, not on the base.
     */
    static boolean[] distinctWindows(int windows) {
        boolean[] out = new boolean[windows];
        int span = 1 << BitDecomposition.WINDOW_BITS;
        BigInteger maxDigit = BigInteger.valueOf(span - 1 + OFFSET_DIGIT);
        BigInteger minDigit = BigInteger.valueOf(OFFSET_DIGIT);
        BigInteger maxPartial = BigInteger.ZERO;
        for (int k = 0; k < windows - 1; k++) {
            BigInteger weight = BigInteger.ONE.shiftLeft(BitDecomposition.WINDOW_BITS * k);
            BigInteger minEntry = minDigit.multiply(weight);
            BigInteger maxEntry = maxDigit.multiply(weight);
            out[k] = k > 0 && maxPartial.compareTo(minEntry) < 0
                    && maxPartial.add(maxEntry).compareTo(Cortado.R) < 0;
            maxPartial = maxPartial.add(maxEntry);
        }
        return out;
    }

    /**
     * Coefficients c[m] of the polynomial Σ_m c[m]·Π_{j∈m} bⱼ that equals values[d] when the bits b are those
     * of d (Möbius inversion over subsets: c[m] = Σ_{s⊆m} (−1)^{|m|−|s|}·values[s]).
     */
    static Scalar[] multilinearCoefficients(Scalar[] values) {
        Scalar[] c = values.clone();
        for (int bit = 1; bit < c.length; bit <<= 1) {
            for (int m = 0; m < c.length; m++) {
                if ((m & bit) != 0) {
                    c[m] = c[m].subtract(c[m ^ bit]);
                }
            }
        }
        return c;
    }
}
