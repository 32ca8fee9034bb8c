package io.zrt.crypto.cortado;

import java.math.BigInteger;

/** Scalar recodings for the multiplication routines; scalars are canonical (below r < 2^253). */
final class ScalarRecoding {

    /** Window width of the regular (constant-time) variable-base recoding. */
    static final int REGULAR_WIDTH = 5;
    /** Digits of the regular recoding: 50 signed windows and a small positive top digit. */
    static final int REGULAR_DIGITS = 51;
    private static final long[] ORDER_LIMBS = limbs(Scalar.ORDER);

    private ScalarRecoding() {
    }

    /** Four little-endian 64-bit limbs of a value below 2^256. */
    static long[] limbs(BigInteger value) {
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            out[i] = value.shiftRight(64 * i).longValue();
        }
        return out;
    }

    /**
     * For odd k: k itself; for even k: r - k (odd because r is odd). Returns -1 in negateMask[0] when the
     * second case applied, so the caller negates the result: (r - k)·P = -(k·P). k = 0 becomes r, whose
     * multiple is infinity. Branch-free.
     */
    static long[] makeOdd(long[] k, long[] negateMask) {
        long[] d = new long[4];
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long x = ORDER_LIMBS[i];
            long y = k[i];
            long diff = x - y - borrow;
            // borrow out of x - y - borrow, computed on the top bits without branching
            borrow = ((~x & y) | (~(x ^ y) & diff)) >>> 63;
            d[i] = diff;
        }
        long even = (k[0] & 1) - 1; // -1 when k is even
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            out[i] = k[i] ^ ((k[i] ^ d[i]) & even);
        }
        negateMask[0] = even;
        return out;
    }

    /**
     * Regular signed recoding of an odd k < 2^253 in radix 32: k = Σ d_i·32^i with every d_i odd, |d_i| ≤ 31
     * for i < 50 and 1 ≤ d_50 ≤ 7. With k_0 = k, d_i = (k_i mod 64) - 32 and k_{i+1} = (k_i - d_i)/32, which is
     * (k_i >> 5) | 1: so d_i comes straight from bits 5i..5i+5 of k with bit 5i forced to one. No digit is
     * zero, so every step adds a real table entry; the loop is branch-free.
     */
    static int[] regularDigits(long[] oddK) {
        int[] digits = new int[REGULAR_DIGITS];
        for (int i = 0; i < REGULAR_DIGITS - 1; i++) {
            digits[i] = ((bits(oddK, REGULAR_WIDTH * i, REGULAR_WIDTH + 1) | 1) - 32);
        }
        digits[REGULAR_DIGITS - 1] = bits(oddK, REGULAR_WIDTH * (REGULAR_DIGITS - 1), 6) | 1;
        return digits;
    }

    /** Signed radix-16 digits in [-8, 8], 64 of them (k < 2^253, so no carry leaves the top digit). */
    static int[] signedRadix16(long[] k) {
        int[] digits = new int[64];
        int carry = 0;
        for (int i = 0; i < 64; i++) {
            int d = bits(k, 4 * i, 4) + carry;
            carry = (d + 8) >> 4;           // 1 when d ≥ 8
            digits[i] = d - (carry << 4);
        }
        return digits;
    }

    /**
     * Width-w non-adjacent form (variable time: public scalars only): digits odd in (-2^(w-1), 2^(w-1)) or
     * zero, nonzero digits at least w apart; entry i weighs 2^i.
     */
    static int[] wnaf(long[] k, int w) {
        int[] naf = new int[257];
        int pos = 0;
        int carry = 0;
        while (pos < 256) {
            if (bits(k, pos, 1) == carry) {
                pos++;
                continue;
            }
            int window = bits(k, pos, w) + carry;
            if (window >= (1 << (w - 1))) {
                naf[pos] = window - (1 << w);
                carry = 1;
            } else {
                naf[pos] = window;
                carry = 0;
            }
            pos += w;
        }
        naf[256] = carry;
        return naf;
    }

    /** Bits [pos, pos + width) of the little-endian limbs (zero beyond bit 255), width ≤ 32. */
    static int bits(long[] limbs, int pos, int width) {
        if (pos >= 256) {
            return 0;
        }
        int limb = pos >>> 6;
        int shift = pos & 63;
        long v = limbs[limb] >>> shift;
        if (shift + width > 64 && limb < 3) {
            v |= limbs[limb + 1] << (64 - shift);
        }
        return (int) (v & ((1L << width) - 1));
    }
}
