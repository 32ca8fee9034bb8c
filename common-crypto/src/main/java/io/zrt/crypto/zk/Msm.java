package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.FixedBaseMsm;
import io.zrt.crypto.ristretto.PrecomputedMsm;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.Arrays;

/**
 * The proof engine's entry points to multi-scalar multiplication Σ sᵢ·Pᵢ. Two flavours, chosen by who may
 * learn the scalars:
 * <ul>
 *   <li>{@link #pedersen}, {@link #secretVectors}, {@link #mergedInputs}: constant-time (Straus over the
 *   fixed-base tables) for the prover's witness commitments (A_I, A_O, S, Tᵢ, V);</li>
 *   <li>{@link #vartime}: variable-time (wNAF/Pippenger) for public scalars: everything the verifier does, and
 *   the prover's inner-product rounds, whose vectors l(x), r(x) are blinded by s_L, s_R and could be sent in
 *   the clear without harming zero knowledge (the paper's protocol 3 does exactly that), including
 *   {@link #vartimeGenerators} over the stored generators.</li>
 * </ul>
 */
final class Msm {

    private Msm() {
    }

    /** value·B + blinding·B̃, constant-time (fixed-base tables). */
    static RistrettoPoint pedersen(Scalar value, Scalar blinding) {
        return Generators.pedersenTable().multiply(new Scalar[] {value, blinding});
    }

    /**
     * blinding·B̃ + ⟨gScalars, G⟩ + ⟨hScalars, H⟩ over the first {@code n} entries (hScalars may be null) over
     * the fixed-base tables of the generators. Secret wires go through one constant-time Straus pass (one
     * doubling chain for all parts), wires the circuit proves to be bits through a masked selection each, and
     * wires the circuit fixes to public constants through a variable-time pass (zeros cost nothing).
     */
    static RistrettoPoint secretVectors(Scalar blinding, Scalar[] gScalars, byte[] gClass, Scalar[] hScalars,
            byte[] hClass, int n) {
        FixedBaseMsm[] tables = Generators.proverTables(n);
        Scalar[] blind = {Scalar.zero(), blinding};
        Scalar[] gSecret = select(gScalars, gClass, PublicWires.SECRET, n);
        RistrettoPoint result;
        if (hScalars == null) {
            result = FixedBaseMsm.multiply(new FixedBaseMsm[] {Generators.pedersenTable(), tables[0]},
                    new Scalar[][] {blind, gSecret});
        } else {
            result = FixedBaseMsm.multiply(new FixedBaseMsm[] {Generators.pedersenTable(), tables[0], tables[1]},
                    new Scalar[][] {blind, gSecret, select(hScalars, hClass, PublicWires.SECRET, n)});
        }
        if (contains(gClass, PublicWires.BIT, n)) {
            result = result.add(tables[0].multiplyBits(select(gScalars, gClass, PublicWires.BIT, n)));
        }
        if (hScalars != null && contains(hClass, PublicWires.BIT, n)) {
            result = result.add(tables[1].multiplyBits(select(hScalars, hClass, PublicWires.BIT, n)));
        }
        boolean gConstant = contains(gClass, PublicWires.CONSTANT, n);
        boolean hConstant = hScalars != null && contains(hClass, PublicWires.CONSTANT, n);
        if (gConstant || hConstant) {
            Scalar[] none = new Scalar[0];
            result = result.add(FixedBaseMsm.vartimeMultiply(tables, new Scalar[][] {
                gConstant ? select(gScalars, gClass, PublicWires.CONSTANT, n) : none,
                hConstant ? select(hScalars, hClass, PublicWires.CONSTANT, n) : none}));
        }
        return result;
    }

    /**
     * Σ over the merged input classes of value·(Σ of the members' generators), constant-time in the values: a
     * class of k equal wires costs one term instead of k. The table of class bases depends only on the circuit,
     * so the last one built is kept (one circuit shape proved repeatedly rebuilds nothing).
     */
    static RistrettoPoint mergedInputs(PublicWires wires, Scalar[] aL, Scalar[] aR, int gates) {
        if (wires.mergedClasses.length == 0) {
            return RistrettoPoint.identity();
        }
        return mergedTable(wires.mergedClasses, gates).multiply(wires.mergedValues(aL, aR, gates));
    }

    /** The class-base table of the last circuit shape proved (its classes and gate count). */
    private record MergedTable(int[][] classes, int gates, FixedBaseMsm table) {
        boolean matches(int[][] otherClasses, int otherGates) {
            return gates == otherGates && Arrays.deepEquals(classes, otherClasses);
        }
    }

    private static volatile MergedTable mergedCache;

    private static FixedBaseMsm mergedTable(int[][] classes, int gates) {
        MergedTable cached = mergedCache;
        if (cached != null && cached.matches(classes, gates)) {
            return cached.table();
        }
        RistrettoPoint[] g = Generators.g(gates);
        RistrettoPoint[] h = Generators.h(gates);
        java.util.List<RistrettoPoint> bases = new java.util.ArrayList<>(classes.length);
        for (int[] members : classes) {
            RistrettoPoint sum = RistrettoPoint.identity();
            for (int w : members) {
                sum = sum.add(w < gates ? g[w] : h[w - gates]);
            }
            bases.add(sum);
        }
        FixedBaseMsm table = FixedBaseMsm.of(bases);
        mergedCache = new MergedTable(classes, gates, table);
        return table;
    }

    /** The first n values whose (public) class is {@code kind}; null elsewhere. */
    private static Scalar[] select(Scalar[] values, byte[] classes, byte kind, int n) {
        Scalar[] out = new Scalar[n];
        for (int i = 0; i < n; i++) {
            out[i] = classes[i] == kind ? values[i] : null;
        }
        return out;
    }

    private static boolean contains(byte[] classes, byte kind, int n) {
        for (int i = 0; i < n; i++) {
            if (classes[i] == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * ⟨gScalars, G⟩ + ⟨hScalars, H⟩ for public scalars (null entries skipped), over the first n generators:
     * through the verifier's precomputed table when one covers n gates, else Pippenger over the prover's
     * stored affine generators.
     */
    static RistrettoPoint vartimeGenerators(Scalar[] gScalars, Scalar[] hScalars, int n) {
        PrecomputedMsm precomputed = Generators.precomputedTable(n);
        if (precomputed != null) {
            Scalar[] interleaved = new Scalar[2 + 2 * n];
            java.util.Arrays.fill(interleaved, Scalar.zero());
            for (int i = 0; i < n; i++) {
                if (gScalars[i] != null) {
                    interleaved[2 + 2 * i] = gScalars[i];
                }
                if (hScalars[i] != null) {
                    interleaved[3 + 2 * i] = hScalars[i];
                }
            }
            return precomputed.vartimeMultiply(interleaved);
        }
        FixedBaseMsm[] tables = Generators.proverTables(n);
        return FixedBaseMsm.vartimeMultiply(tables, new Scalar[][] {prefix(gScalars, n), prefix(hScalars, n)});
    }

    static RistrettoPoint vartime(Scalar[] scalars, RistrettoPoint[] points, int n) {
        return RistrettoPoint.vartimeMultiscalarMul(prefix(scalars, n), prefix(points, n));
    }

    /** a·P for public a. */
    static RistrettoPoint vartime1(Scalar a, RistrettoPoint p) {
        return RistrettoPoint.vartimeMultiscalarMul(new Scalar[] {a}, new RistrettoPoint[] {p});
    }

    /** a·P + b·Q for public a, b. */
    static RistrettoPoint twoTerm(Scalar a, RistrettoPoint p, Scalar b, RistrettoPoint q) {
        return RistrettoPoint.vartimeMultiscalarMul(new Scalar[] {a, b}, new RistrettoPoint[] {p, q});
    }

    private static <T> T[] prefix(T[] values, int n) {
        return values.length == n ? values : Arrays.copyOf(values, n);
    }
}
