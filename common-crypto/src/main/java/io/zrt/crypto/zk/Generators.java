package io.zrt.crypto.zk;

import io.zrt.crypto.LittleEndian;
import io.zrt.crypto.ristretto.FixedBaseMsm;
import io.zrt.crypto.ristretto.PrecomputedMsm;
import io.zrt.crypto.ristretto.RistrettoPoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The public generators of the proof system, all derived without trusted setup:
 * <ul>
 *   <li>B: the Ristretto255 basepoint (values of Pedersen commitments);</li>
 *   <li>B̃ = hashToGroup("zrt/v1/zk/pedersen", "blinding") (blinding factors);</li>
 *   <li>Gᵢ = hashToGroup("zrt/v1/zk/vector", "G" ‖ LE32(i)), Hᵢ = hashToGroup("zrt/v1/zk/vector", "H" ‖ LE32(i)).</li>
 * </ul>
 * Nobody knows a discrete-log relation between any of them. The vector generators are computed lazily and
 * cached; capacity grows (by doubling) on demand and is shared by every prover and verifier.
 */
public final class Generators {

    static final String PEDERSEN_DOMAIN = "zrt/v1/zk/pedersen";
    static final String VECTOR_DOMAIN = "zrt/v1/zk/vector";

    private static final RistrettoPoint B = RistrettoPoint.basepoint();
    private static final RistrettoPoint B_BLINDING =
            RistrettoPoint.hashToGroup(PEDERSEN_DOMAIN, "blinding".getBytes(StandardCharsets.UTF_8));

    private static final Object LOCK = new Object();
    private static volatile RistrettoPoint[] gs = new RistrettoPoint[0];
    private static volatile RistrettoPoint[] hs = new RistrettoPoint[0];
    private static volatile PrecomputedMsm table;
    private static volatile int tableGates;
    /** The prover's constant-time tables: B, B̃ and (grown on demand, by doubling) Gᵢ and Hᵢ. */
    private static final FixedBaseMsm PEDERSEN_TABLE = FixedBaseMsm.of(List.of(B, B_BLINDING));
    private static volatile FixedBaseMsm[] proverTables = {FixedBaseMsm.of(List.of()), FixedBaseMsm.of(List.of())};

    private Generators() {
    }

    /** B, the value generator of Pedersen commitments. */
    public static RistrettoPoint valueBase() {
        return B;
    }

    /** B̃, the blinding generator of Pedersen commitments. */
    public static RistrettoPoint blindingBase() {
        return B_BLINDING;
    }

    /** The first {@code n} generators Gᵢ (a shared array: callers must not modify it). */
    static RistrettoPoint[] g(int n) {
        ensureCapacity(n);
        return gs;
    }

    /** The first {@code n} generators Hᵢ (a shared array: callers must not modify it). */
    static RistrettoPoint[] h(int n) {
        ensureCapacity(n);
        return hs;
    }

    /** Gᵢ, for tests and documentation. */
    public static RistrettoPoint vectorG(int i) {
        return g(i + 1)[i];
    }

    /** Hᵢ, for tests and documentation. */
    public static RistrettoPoint vectorH(int i) {
        return h(i + 1)[i];
    }

    /**
     * Precomputes window tables of B, B̃, Gᵢ, Hᵢ for circuits of up to {@code gates} padded gates, which
     * verification then uses (about 2 KB per gate and 256 doublings per generator, once per process: meant
     * for servers that verify many proofs). Without it, verification runs a plain Pippenger multiplication.
     */
    public static void precompute(int gates) {
        int n = Integer.highestOneBit(Math.max(1, gates - 1)) << 1;
        synchronized (LOCK) {
            if (table != null && tableGates >= n) {
                return;
            }
        }
        RistrettoPoint[] gens = g(n);
        RistrettoPoint[] hGens = h(n);
        List<RistrettoPoint> bases = new ArrayList<>(2 + 2 * n);
        bases.add(B);
        bases.add(B_BLINDING);
        for (int i = 0; i < n; i++) {
            bases.add(gens[i]);
            bases.add(hGens[i]);
        }
        PrecomputedMsm built = PrecomputedMsm.of(bases);
        synchronized (LOCK) {
            if (table == null || tableGates < n) {
                table = built;
                tableGates = n;
            }
        }
    }

    /** Constant-time table of B (base 0) and B̃ (base 1), for the prover's Pedersen commitments. */
    static FixedBaseMsm pedersenTable() {
        return PEDERSEN_TABLE;
    }

    /**
     * Constant-time tables {G, H} covering at least {@code n} generators each (the prover's witness
     * commitments). Built on first use and rebuilt, for the next power of two, when a larger circuit asks:
     * 1,920 bytes per gate (31 MiB at 2^14 gates) and about 16 point additions per gate, once per process.
     */
    static FixedBaseMsm[] proverTables(int n) {
        FixedBaseMsm[] current = proverTables;
        if (current[0].size() >= n) {
            return current;
        }
        synchronized (LOCK) {
            current = proverTables;
            if (current[0].size() >= n) {
                return current;
            }
            int capacity = Integer.highestOneBit(Math.max(1, n - 1)) << 1;
            FixedBaseMsm[] built = {FixedBaseMsm.of(Arrays.asList(g(capacity)).subList(0, capacity)),
                FixedBaseMsm.of(Arrays.asList(h(capacity)).subList(0, capacity))};
            proverTables = built;
            return built;
        }
    }

    /**
     * Drops the precomputed verification table and the prover's constant-time tables (frees their memory;
     * verification falls back to Pippenger, the prover rebuilds its tables on next use).
     */
    public static void dropPrecomputation() {
        synchronized (LOCK) {
            table = null;
            tableGates = 0;
            proverTables = new FixedBaseMsm[] {FixedBaseMsm.of(List.of()), FixedBaseMsm.of(List.of())};
        }
    }

    /** The precomputed table if it covers {@code n} gates, else null. Layout: B, B̃, G₀, H₀, G₁, H₁, … */
    static PrecomputedMsm precomputedTable(int n) {
        synchronized (LOCK) {
            return table != null && tableGates >= n ? table : null;
        }
    }

    private static void ensureCapacity(int n) {
        if (gs.length >= n) {
            return;
        }
        synchronized (LOCK) {
            int have = gs.length;
            if (have >= n) {
                return;
            }
            int capacity = Math.max(n, Math.max(64, have * 2));
            RistrettoPoint[] newG = Arrays.copyOf(gs, capacity);
            RistrettoPoint[] newH = Arrays.copyOf(hs, capacity);
            for (int i = have; i < capacity; i++) {
                newG[i] = derive("G", i);
                newH[i] = derive("H", i);
            }
            // Publish H first: readers check G's length, then read both arrays.
            hs = newH;
            gs = newG;
        }
    }

    private static RistrettoPoint derive(String which, int index) {
        byte[] message = new byte[5];
        message[0] = (byte) which.charAt(0);
        System.arraycopy(LittleEndian.u32(index), 0, message, 1, 4);
        return RistrettoPoint.hashToGroup(VECTOR_DOMAIN, message);
    }
}
