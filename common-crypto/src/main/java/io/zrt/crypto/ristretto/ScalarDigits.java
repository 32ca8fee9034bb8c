package io.zrt.crypto.ristretto;

/** Recodings of canonical scalars (four little-endian limbs, value below 2^253) into signed digits. */
final class ScalarDigits {
    private ScalarDigits() {
    }

    static int bits(long[] limbs, int pos, int width) {
        if (pos >= 256) {
            return 0;
        }
        int limb = pos >>> 6;
        int shift = pos & 63;
        long v = limbs[limb] >>> shift;
        if (shift + width > 64 && limb + 1 < 4) {
            v |= limbs[limb + 1] << (64 - shift);
        }
        return (int) (v & ((1L << width) - 1));
    }

    /**
     * 64 signed radix-16 digits in [-8, 8], sum of d_i 16^i = the scalar. Computed without branches
     * (used by the constant-time multiplications).
     */
    static byte[] radix16(long[] limbs) {
        byte[] e = new byte[64];
        for (int i = 0; i < 64; i++) {
            e[i] = (byte) ((limbs[i >>> 4] >>> (4 * (i & 15))) & 15);
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            int d = e[i] + carry;
            carry = (d + 8) >> 4;
            e[i] = (byte) (d - (carry << 4));
        }
        e[63] += (byte) carry;
        return e;
    }

    /**
     * Width-w non-adjacent form: digits odd in (-2^(w-1), 2^(w-1)) or zero, any two nonzero digits at
     * least w positions apart. Variable-time: only for public scalars.
     */
    static byte[] wnaf(long[] limbs, int w) {
        byte[] naf = new byte[256 + w];
        int half = 1 << (w - 1);
        int pos = 0;
        int carry = 0;
        while (pos < 256) {
            int bit = bits(limbs, pos, 1);
            if (bit == carry) {
                pos++;
                continue;
            }
            int window = carry + bits(limbs, pos, w);
            if (window < half) {
                carry = 0;
                naf[pos] = (byte) window;
            } else {
                carry = 1;
                naf[pos] = (byte) (window - (1 << w));
            }
            pos += w;
        }
        return naf;
    }

    /** Signed radix-2^c digits in [-2^(c-1), 2^(c-1)), ceil(256/c) of them, written to out[off...]. */
    static void signedWindows(long[] limbs, int c, int[] out, int off) {
        int windows = (256 + c - 1) / c;
        int carry = 0;
        int half = 1 << (c - 1);
        for (int k = 0; k < windows; k++) {
            int raw = bits(limbs, k * c, c) + carry;
            carry = raw >= half ? 1 : 0;
            out[off + k] = raw - (carry << c);
        }
    }
}
