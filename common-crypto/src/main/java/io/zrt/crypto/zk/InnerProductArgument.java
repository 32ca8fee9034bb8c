package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.FixedBaseMsm;
import io.zrt.crypto.ristretto.MsmThreads;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The inner-product argument (Bünz et al., section 3) in the form used inside the R1CS proof: it convinces
 * the verifier that P = ⟨a, G⟩ + ⟨b, H'⟩ + ⟨a, b⟩·Q with H'ᵢ = fᵢ·Hᵢ, where the factors fᵢ (the powers
 * y^−i) are carried as scalar coefficients instead of computing H' points.
 *
 * <p>Round k halves every vector: with challenge u, a' = u·a_lo + u⁻¹·a_hi, b' = u⁻¹·b_lo + u·b_hi,
 * G' = u⁻¹·G_lo + u·G_hi, H' = u·H_lo + u⁻¹·H_hi, and L = ⟨a_lo, G_hi⟩ + ⟨b_hi, H_lo⟩ + ⟨a_lo, b_hi⟩·Q,
 * R = ⟨a_hi, G_lo⟩ + ⟨b_lo, H_hi⟩ + ⟨a_hi, b_lo⟩·Q, so that P' = P + u²·L + u⁻²·R. At the end P must equal
 * a·⟨s, G⟩ + b·⟨s⁻¹, H'⟩ + a·b·Q with sᵢ = Π_k u_k^(±1) (see {@link #foldingCoefficients}).
 */
final class InnerProductArgument {

    private InnerProductArgument() {
    }

    /**
     * Rounds are first run on the original generators with tracked coefficients (each L, R is then one
     * multiplication over n original points), because folding n/2 points costs far more than one Pippenger
     * pass; once every folded point would combine {@link #TRACKED_BLOCK} originals the generators are
     * materialised and the remaining (small) rounds fold points directly. The generators are the system's
     * Gᵢ, Hᵢ (the tracked rounds read their stored tables). The factors must be the powers of one scalar
     * (fᵢ = f^i, as y^−i is): materialising relies on f_(j+k·cur) = f_j·f_(k·cur).
     */
    static InnerProductProof prove(ProofTranscript transcript, RistrettoPoint q, Scalar[] hFactors,
            Scalar[] aIn, Scalar[] bIn) {
        int n = aIn.length;
        if (Integer.bitCount(n) != 1 || bIn.length != n || hFactors.length < n) {
            throw new IllegalArgumentException("inner-product vectors must have equal power-of-two length");
        }
        transcript.appendSize("ipa-n", n);
        Scalar[] a = aIn.clone();
        Scalar[] b = bIn.clone();
        List<RistrettoPoint> ls = new ArrayList<>();
        List<RistrettoPoint> rs = new ArrayList<>();
        // Tracked phase: original i belongs to current element (i mod cur) with coefficients gc[i], hc[i].
        Scalar[] gc = new Scalar[n];
        Scalar[] hc = java.util.Arrays.copyOf(hFactors, n);
        java.util.Arrays.fill(gc, Scalar.one());
        int cur = n;
        Scalar[] scalars = new Scalar[n + 1];
        RistrettoPoint[] points = new RistrettoPoint[n + 1];
        Scalar[] gScalars = new Scalar[n];
        Scalar[] hScalars = new Scalar[n];
        while (cur > 1 && n / cur < TRACKED_BLOCK) {
            int half = cur / 2;
            Scalar cl = Scalars.innerProduct(a, slice(b, half, half), half);
            Scalar cr = Scalars.innerProduct(slice(a, half, half), b, half);
            // L uses G at the upper half of every block and H at the lower half; R the other way round.
            for (int i = 0; i < n; i++) {
                int j = i & (cur - 1);
                boolean upper = j >= half;
                gScalars[i] = upper ? a[j - half].multiply(gc[i]) : null;
                hScalars[i] = upper ? null : b[j + half].multiply(hc[i]);
            }
            RistrettoPoint l = Msm.vartimeGenerators(gScalars, hScalars, n).add(Msm.vartime1(cl, q));
            for (int i = 0; i < n; i++) {
                int j = i & (cur - 1);
                boolean upper = j >= half;
                gScalars[i] = upper ? null : a[j + half].multiply(gc[i]);
                hScalars[i] = upper ? b[j - half].multiply(hc[i]) : null;
            }
            RistrettoPoint r = Msm.vartimeGenerators(gScalars, hScalars, n).add(Msm.vartime1(cr, q));
            Scalar u = absorbRound(transcript, ls, rs, l, r);
            Scalar uInv = u.invert();
            foldScalars(a, b, half, u, uInv);
            for (int i = 0; i < n; i++) {
                boolean lo = (i & (cur - 1)) < half;
                gc[i] = gc[i].multiply(lo ? uInv : u);
                hc[i] = hc[i].multiply(lo ? u : uInv);
            }
            cur = half;
        }
        if (cur == 1) {
            return new InnerProductProof(ls, rs, a[0], b[0]);
        }
        // Every coefficient of G depends only on the block (i / cur), and the H coefficient of original j + k·cur
        // is f_j·f_(k·cur)·d_k (the factors are powers): fold with the shared coefficients, keep f_j per element.
        int block = n / cur;
        Scalar[] gShared = new Scalar[block];
        Scalar[] hShared = new Scalar[block];
        for (int k = 0; k < block; k++) {
            gShared[k] = gc[k * cur];
            hShared[k] = hc[k * cur];
        }
        FixedBaseMsm[] tables = Generators.proverTables(n);
        RistrettoPoint[] g = tables[0].vartimeStridedCombinations(gShared, cur);
        RistrettoPoint[] h = tables[1].vartimeStridedCombinations(hShared, cur);
        Scalar[] hf = java.util.Arrays.copyOf(hFactors, cur);
        while (cur > 1) {
            int half = cur / 2;
            Scalar cl = Scalars.innerProduct(a, slice(b, half, half), half);
            Scalar cr = Scalars.innerProduct(slice(a, half, half), b, half);
            for (int i = 0; i < half; i++) {
                scalars[i] = a[i];
                points[i] = g[half + i];
                scalars[half + i] = b[half + i].multiply(hf[i]);
                points[half + i] = h[i];
            }
            scalars[cur] = cl;
            points[cur] = q;
            RistrettoPoint l = Msm.vartime(scalars, points, cur + 1);
            for (int i = 0; i < half; i++) {
                scalars[i] = a[half + i];
                points[i] = g[i];
                scalars[half + i] = b[i].multiply(hf[half + i]);
                points[half + i] = h[half + i];
            }
            scalars[cur] = cr;
            RistrettoPoint r = Msm.vartime(scalars, points, cur + 1);
            Scalar u = absorbRound(transcript, ls, rs, l, r);
            Scalar uInv = u.invert();
            foldScalars(a, b, half, u, uInv);
            int parts = Math.max(1, Math.min(MsmThreads.configured(), half / 64));
            int size = half;
            MsmThreads.run(parts, p -> {
                for (int i = size * p / parts; i < size * (p + 1) / parts; i++) {
                    g[i] = Msm.twoTerm(uInv, g[i], u, g[size + i]);
                    h[i] = Msm.twoTerm(u.multiply(hf[i]), h[i], uInv.multiply(hf[size + i]), h[size + i]);
                    hf[i] = Scalar.one();
                }
                return Boolean.TRUE;
            });
            cur = half;
        }
        return new InnerProductProof(ls, rs, a[0], b[0]);
    }

    /** Block size at which tracked coefficients give way to materialised generators. */
    static final int TRACKED_BLOCK = 16;

    private static Scalar absorbRound(ProofTranscript transcript, List<RistrettoPoint> ls,
            List<RistrettoPoint> rs, RistrettoPoint l, RistrettoPoint r) {
        ls.add(l);
        rs.add(r);
        transcript.appendPoint("L", l);
        transcript.appendPoint("R", r);
        Scalar u = transcript.challenge("u");
        if (u.isZero()) {
            throw new IllegalStateException("degenerate challenge u = 0 (probability 2^-252)");
        }
        return u;
    }

    private static void foldScalars(Scalar[] a, Scalar[] b, int half, Scalar u, Scalar uInv) {
        for (int i = 0; i < half; i++) {
            a[i] = a[i].multiply(u).add(a[half + i].multiply(uInv));
            b[i] = b[i].multiply(uInv).add(b[half + i].multiply(u));
        }
    }

    /**
     * sᵢ = Π_k u_k^(+1 if bit (K−k) of i is set, else −1) for k = 1..K (round 1 splits on the top bit).
     * The inverse vector is the reverse: s⁻¹ᵢ = s_(n−1−i).
     */
    static Scalar[] foldingCoefficients(Scalar[] u, Scalar[] uInv, int n) {
        int rounds = u.length;
        Scalar[] s = new Scalar[n];
        Scalar first = Scalar.one();
        for (Scalar inv : uInv) {
            first = first.multiply(inv);
        }
        s[0] = first;
        Scalar[] uSquared = new Scalar[rounds];
        for (int k = 0; k < rounds; k++) {
            uSquared[k] = u[k].square();
        }
        for (int i = 1; i < n; i++) {
            int topBit = 31 - Integer.numberOfLeadingZeros(i);
            // Bit j of the index is decided in round (rounds − 1 − j).
            s[i] = s[i - (1 << topBit)].multiply(uSquared[rounds - 1 - topBit]);
        }
        return s;
    }

    private static Scalar[] slice(Scalar[] v, int from, int length) {
        return java.util.Arrays.copyOfRange(v, from, from + length);
    }
}
