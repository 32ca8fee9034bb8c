package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The inner-product argument (Bünz et al., section 3) in the form used inside the R1CS proof: it convinces
 * the verifier that P = ⟨a, G⟩ + ⟨b, H'⟩ + ⟨a, b⟩·Q with H'ᵢ = fᵢ·Hᵢ, where the factors fᵢ (the powers
 * y^−i) are applied to scalars in the first round instead of computing H' points.
 *
 * <p>Round k halves every vector: with challenge u, a' = u·a_lo + u⁻¹·a_hi, b' = u⁻¹·b_lo + u·b_hi,
 * G' = u⁻¹·G_lo + u·G_hi, H' = u·H_lo + u⁻¹·H_hi, and L = ⟨a_lo, G_hi⟩ + ⟨b_hi, H_lo⟩ + ⟨a_lo, b_hi⟩·Q,
 * R = ⟨a_hi, G_lo⟩ + ⟨b_lo, H_hi⟩ + ⟨a_hi, b_lo⟩·Q, so that P' = P + u²·L + u⁻²·R. At the end P must equal
 * a·⟨s, G⟩ + b·⟨s⁻¹, H'⟩ + a·b·Q with sᵢ = Π_k u_k^(±1) (see {@link #foldingCoefficients}).
 */
final class InnerProductArgument {

    private InnerProductArgument() {
    }

    static InnerProductProof prove(ProofTranscript transcript, RistrettoPoint q, Scalar[] hFactors,
            RistrettoPoint[] gens, RistrettoPoint[] hGens, Scalar[] aIn, Scalar[] bIn) {
        int n = aIn.length;
        if (Integer.bitCount(n) != 1 || bIn.length != n || hFactors.length < n) {
            throw new IllegalArgumentException("inner-product vectors must have equal power-of-two length");
        }
        transcript.appendSize("ipa-n", n);
        Scalar[] a = aIn.clone();
        Scalar[] b = bIn.clone();
        RistrettoPoint[] g = java.util.Arrays.copyOf(gens, n);
        RistrettoPoint[] h = java.util.Arrays.copyOf(hGens, n);
        Scalar[] factors = java.util.Arrays.copyOf(hFactors, n);
        List<RistrettoPoint> ls = new ArrayList<>();
        List<RistrettoPoint> rs = new ArrayList<>();
        Scalar[] scalars = new Scalar[n + 1];
        RistrettoPoint[] points = new RistrettoPoint[n + 1];
        while (n > 1) {
            int half = n / 2;
            Scalar cl = Scalars.innerProduct(a, slice(b, half, half), half);
            Scalar cr = Scalars.innerProduct(slice(a, half, half), b, half);
            for (int i = 0; i < half; i++) {
                scalars[i] = a[i];
                points[i] = g[half + i];
                scalars[half + i] = b[half + i].multiply(factors[i]);
                points[half + i] = h[i];
            }
            scalars[n] = cl;
            points[n] = q;
            RistrettoPoint l = Msm.vartime(scalars, points, n + 1);
            for (int i = 0; i < half; i++) {
                scalars[i] = a[half + i];
                points[i] = g[i];
                scalars[half + i] = b[i].multiply(factors[half + i]);
                points[half + i] = h[half + i];
            }
            scalars[n] = cr;
            RistrettoPoint r = Msm.vartime(scalars, points, n + 1);
            ls.add(l);
            rs.add(r);
            transcript.appendPoint("L", l);
            transcript.appendPoint("R", r);
            Scalar u = transcript.challenge("u");
            Scalar uInv = u.invert();
            for (int i = 0; i < half; i++) {
                a[i] = a[i].multiply(u).add(a[half + i].multiply(uInv));
                b[i] = b[i].multiply(uInv).add(b[half + i].multiply(u));
                g[i] = Msm.twoTerm(uInv, g[i], u, g[half + i]);
                h[i] = Msm.twoTerm(u.multiply(factors[i]), h[i], uInv.multiply(factors[half + i]), h[half + i]);
                factors[i] = Scalar.one();
            }
            n = half;
        }
        return new InnerProductProof(ls, rs, a[0], b[0]);
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
