package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public precomputation for multiplying a fixed base P by a decomposed scalar in 2-bit windows: for window
 * i and digit d ∈ {0,1,2,3}, the point Tᵢ(d) = cᵢ·X + d·4ⁱ·P, where X is the auxiliary point (Cortado's H)
 * and the offsets are cᵢ = 2ⁱ for i < W − 1 and c_(W−1) = −(2^(W−1) − 1), so that Σ cᵢ = 0 and the chain
 * Σ Tᵢ(dᵢ) ends at λ·P. docs/zk.md explains why no honest partial sum meets the point added next.
 * Coordinates are stored as Ristretto scalars (the same field).
 */
final class FixedBaseTable {

    static final CortadoPoint AUXILIARY = Cortado.H;

    private static final int CACHE_SIZE = 64;
    private static final Map<String, FixedBaseTable> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FixedBaseTable> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** x[i][d] and y[i][d]; windows with a single bit only use d ∈ {0, 1}. */
    final Scalar[][] x;
    final Scalar[][] y;

    private FixedBaseTable(Scalar[][] x, Scalar[][] y) {
        this.x = x;
        this.y = y;
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
        return (bitCount + 1) / 2;
    }

    private static FixedBaseTable compute(CortadoPoint base, int bitCount) {
        if (base.isInfinity()) {
            throw new IllegalArgumentException("the base must not be the point at infinity");
        }
        int w = windows(bitCount);
        if (w < 2) {
            throw new IllegalArgumentException("fixed-base multiplication needs at least 3 bits");
        }
        Scalar[][] xs = new Scalar[w][4];
        Scalar[][] ys = new Scalar[w][4];
        CortadoPoint step = base;                      // 4ⁱ·P
        CortadoPoint offset = AUXILIARY;               // 2ⁱ·X for i < W − 1
        for (int i = 0; i < w; i++) {
            CortadoPoint c = i < w - 1 ? offset
                    : AUXILIARY.multiply(io.zrt.crypto.cortado.Scalar.reduce(
                            BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE).negate()));
            CortadoPoint t = c;
            for (int d = 0; d < 4; d++) {
                if (t.isInfinity()) {
                    throw new IllegalArgumentException("degenerate base: a window point is the point at infinity");
                }
                xs[i][d] = CircuitPoint.coordinate(t, true);
                ys[i][d] = CircuitPoint.coordinate(t, false);
                t = t.add(step);
            }
            step = step.add(step).add(step.add(step));
            offset = offset.add(offset);
        }
        return new FixedBaseTable(xs, ys);
    }
}
