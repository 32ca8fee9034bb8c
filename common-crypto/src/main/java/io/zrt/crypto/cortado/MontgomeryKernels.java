package io.zrt.crypto.cortado;

/**
 * The two hot routines of {@link MontgomeryFp}: Montgomery multiplication and squaring in radix 2^52.
 *
 * <p>Limbs are below 2^52, so every 52x52-bit product fits in 104 bits and {@link Math#multiplyHigh} (signed,
 * but exact for non-negative operands below 2^63) gives its top half without unsigned corrections. Each
 * product is split at bit 52 and the halves are added into column accumulators, which stay far below 2^63
 * (at most ~2^57), so no carry detection is needed until the end. Reduction is word-by-word Montgomery with
 * R = 2^260; p's 52-bit limbs are (P0, P1, P2, 0, 2^44), so each round costs three real products and a
 * shift. Inputs below 2p give outputs below (4p^2 / 2^260) + p < 2p, which is the invariant of the field.
 * Straight-line code without branches or table look-ups: constant time.
 */
final class MontgomeryKernels {

    static final long MASK = (1L << 52) - 1;
    static final long P0 = 0x2631a5cf5d3edL;
    static final long P1 = 0xdea2f79cd6581L;
    static final long P2 = 0x14def9L;
    static final long P4 = 0x100000000000L;
    /** -1/p mod 2^52. */
    static final long N0 = 0x51da312547e1bL;

    private MontgomeryKernels() {
    }

    /** r = a * b / 2^260 mod p (result below 2p); r may alias a or b. */
    static void mul(long[] r, long[] a, long[] b) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9;
        long lo, hi;
        lo = a0 * b0; hi = Math.multiplyHigh(a0, b0);
        c0 = lo & MASK; c1 = (lo >>> 52) | (hi << 12);
        lo = a0 * b1; hi = Math.multiplyHigh(a0, b1);
        c1 += lo & MASK; c2 = (lo >>> 52) | (hi << 12);
        lo = a1 * b0; hi = Math.multiplyHigh(a1, b0);
        c1 += lo & MASK; c2 += (lo >>> 52) | (hi << 12);
        lo = a0 * b2; hi = Math.multiplyHigh(a0, b2);
        c2 += lo & MASK; c3 = (lo >>> 52) | (hi << 12);
        lo = a1 * b1; hi = Math.multiplyHigh(a1, b1);
        c2 += lo & MASK; c3 += (lo >>> 52) | (hi << 12);
        lo = a2 * b0; hi = Math.multiplyHigh(a2, b0);
        c2 += lo & MASK; c3 += (lo >>> 52) | (hi << 12);
        lo = a0 * b3; hi = Math.multiplyHigh(a0, b3);
        c3 += lo & MASK; c4 = (lo >>> 52) | (hi << 12);
        lo = a1 * b2; hi = Math.multiplyHigh(a1, b2);
        c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        lo = a2 * b1; hi = Math.multiplyHigh(a2, b1);
        c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        lo = a3 * b0; hi = Math.multiplyHigh(a3, b0);
        c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        lo = a0 * b4; hi = Math.multiplyHigh(a0, b4);
        c4 += lo & MASK; c5 = (lo >>> 52) | (hi << 12);
        lo = a1 * b3; hi = Math.multiplyHigh(a1, b3);
        c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = a2 * b2; hi = Math.multiplyHigh(a2, b2);
        c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = a3 * b1; hi = Math.multiplyHigh(a3, b1);
        c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = a4 * b0; hi = Math.multiplyHigh(a4, b0);
        c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = a1 * b4; hi = Math.multiplyHigh(a1, b4);
        c5 += lo & MASK; c6 = (lo >>> 52) | (hi << 12);
        lo = a2 * b3; hi = Math.multiplyHigh(a2, b3);
        c5 += lo & MASK; c6 += (lo >>> 52) | (hi << 12);
        lo = a3 * b2; hi = Math.multiplyHigh(a3, b2);
        c5 += lo & MASK; c6 += (lo >>> 52) | (hi << 12);
        lo = a4 * b1; hi = Math.multiplyHigh(a4, b1);
        c5 += lo & MASK; c6 += (lo >>> 52) | (hi << 12);
        lo = a2 * b4; hi = Math.multiplyHigh(a2, b4);
        c6 += lo & MASK; c7 = (lo >>> 52) | (hi << 12);
        lo = a3 * b3; hi = Math.multiplyHigh(a3, b3);
        c6 += lo & MASK; c7 += (lo >>> 52) | (hi << 12);
        lo = a4 * b2; hi = Math.multiplyHigh(a4, b2);
        c6 += lo & MASK; c7 += (lo >>> 52) | (hi << 12);
        lo = a3 * b4; hi = Math.multiplyHigh(a3, b4);
        c7 += lo & MASK; c8 = (lo >>> 52) | (hi << 12);
        lo = a4 * b3; hi = Math.multiplyHigh(a4, b3);
        c7 += lo & MASK; c8 += (lo >>> 52) | (hi << 12);
        lo = a4 * b4; hi = Math.multiplyHigh(a4, b4);
        c8 += lo & MASK; c9 = (lo >>> 52) | (hi << 12);
        reduce(r, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9);
    }

    /** r = a^2 / 2^260 mod p (result below 2p); r may alias a. Cross products use the doubled limb. */
    static void sqr(long[] r, long[] a) {
        long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        long d0 = a0 << 1, d1 = a1 << 1, d2 = a2 << 1, d3 = a3 << 1;
        long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9;
        long lo, hi;
        lo = a0 * a0; hi = Math.multiplyHigh(a0, a0);
        c0 = lo & MASK; c1 = (lo >>> 52) | (hi << 12);
        lo = d0 * a1; hi = Math.multiplyHigh(d0, a1);
        c1 += lo & MASK; c2 = (lo >>> 52) | (hi << 12);
        lo = d0 * a2; hi = Math.multiplyHigh(d0, a2);
        c2 += lo & MASK; c3 = (lo >>> 52) | (hi << 12);
        lo = a1 * a1; hi = Math.multiplyHigh(a1, a1);
        c2 += lo & MASK; c3 += (lo >>> 52) | (hi << 12);
        lo = d0 * a3; hi = Math.multiplyHigh(d0, a3);
        c3 += lo & MASK; c4 = (lo >>> 52) | (hi << 12);
        lo = d1 * a2; hi = Math.multiplyHigh(d1, a2);
        c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        lo = d0 * a4; hi = Math.multiplyHigh(d0, a4);
        c4 += lo & MASK; c5 = (lo >>> 52) | (hi << 12);
        lo = d1 * a3; hi = Math.multiplyHigh(d1, a3);
        c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = a2 * a2; hi = Math.multiplyHigh(a2, a2);
        c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = d1 * a4; hi = Math.multiplyHigh(d1, a4);
        c5 += lo & MASK; c6 = (lo >>> 52) | (hi << 12);
        lo = d2 * a3; hi = Math.multiplyHigh(d2, a3);
        c5 += lo & MASK; c6 += (lo >>> 52) | (hi << 12);
        lo = d2 * a4; hi = Math.multiplyHigh(d2, a4);
        c6 += lo & MASK; c7 = (lo >>> 52) | (hi << 12);
        lo = a3 * a3; hi = Math.multiplyHigh(a3, a3);
        c6 += lo & MASK; c7 += (lo >>> 52) | (hi << 12);
        lo = d3 * a4; hi = Math.multiplyHigh(d3, a4);
        c7 += lo & MASK; c8 = (lo >>> 52) | (hi << 12);
        lo = a4 * a4; hi = Math.multiplyHigh(a4, a4);
        c8 += lo & MASK; c9 = (lo >>> 52) | (hi << 12);
        reduce(r, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9);
    }

    /** Five Montgomery rounds over the ten column accumulators, then carry normalisation of the top half. */
    private static void reduce(long[] r, long c0, long c1, long c2, long c3, long c4, long c5, long c6, long c7,
                               long c8, long c9) {
        long lo, hi, m;
        m = (c0 * N0) & MASK;
        lo = m * P0; hi = Math.multiplyHigh(m, P0); c0 += lo & MASK; c1 += (lo >>> 52) | (hi << 12);
        lo = m * P1; hi = Math.multiplyHigh(m, P1); c1 += lo & MASK; c2 += (lo >>> 52) | (hi << 12);
        lo = m * P2; hi = Math.multiplyHigh(m, P2); c2 += lo & MASK; c3 += (lo >>> 52) | (hi << 12);
        c4 += (m << 44) & MASK; c5 += m >>> 8;
        c1 += c0 >>> 52;
        m = (c1 * N0) & MASK;
        lo = m * P0; hi = Math.multiplyHigh(m, P0); c1 += lo & MASK; c2 += (lo >>> 52) | (hi << 12);
        lo = m * P1; hi = Math.multiplyHigh(m, P1); c2 += lo & MASK; c3 += (lo >>> 52) | (hi << 12);
        lo = m * P2; hi = Math.multiplyHigh(m, P2); c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        c5 += (m << 44) & MASK; c6 += m >>> 8;
        c2 += c1 >>> 52;
        m = (c2 * N0) & MASK;
        lo = m * P0; hi = Math.multiplyHigh(m, P0); c2 += lo & MASK; c3 += (lo >>> 52) | (hi << 12);
        lo = m * P1; hi = Math.multiplyHigh(m, P1); c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        lo = m * P2; hi = Math.multiplyHigh(m, P2); c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        c6 += (m << 44) & MASK; c7 += m >>> 8;
        c3 += c2 >>> 52;
        m = (c3 * N0) & MASK;
        lo = m * P0; hi = Math.multiplyHigh(m, P0); c3 += lo & MASK; c4 += (lo >>> 52) | (hi << 12);
        lo = m * P1; hi = Math.multiplyHigh(m, P1); c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = m * P2; hi = Math.multiplyHigh(m, P2); c5 += lo & MASK; c6 += (lo >>> 52) | (hi << 12);
        c7 += (m << 44) & MASK; c8 += m >>> 8;
        c4 += c3 >>> 52;
        m = (c4 * N0) & MASK;
        lo = m * P0; hi = Math.multiplyHigh(m, P0); c4 += lo & MASK; c5 += (lo >>> 52) | (hi << 12);
        lo = m * P1; hi = Math.multiplyHigh(m, P1); c5 += lo & MASK; c6 += (lo >>> 52) | (hi << 12);
        lo = m * P2; hi = Math.multiplyHigh(m, P2); c6 += lo & MASK; c7 += (lo >>> 52) | (hi << 12);
        c8 += (m << 44) & MASK; c9 += m >>> 8;
        c5 += c4 >>> 52;
        c6 += c5 >>> 52;
        c7 += c6 >>> 52;
        c8 += c7 >>> 52;
        c9 += c8 >>> 52;
        r[0] = c5 & MASK;
        r[1] = c6 & MASK;
        r[2] = c7 & MASK;
        r[3] = c8 & MASK;
        r[4] = c9;
    }
}
