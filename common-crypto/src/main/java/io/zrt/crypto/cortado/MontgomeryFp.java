package io.zrt.crypto.cortado;

import static io.zrt.crypto.cortado.MontgomeryKernels.MASK;
import static io.zrt.crypto.cortado.MontgomeryKernels.P0;
import static io.zrt.crypto.cortado.MontgomeryKernels.P1;
import static io.zrt.crypto.cortado.MontgomeryKernels.P2;
import static io.zrt.crypto.cortado.MontgomeryKernels.P4;

import java.math.BigInteger;

/**
 * Mutable F_p arithmetic on five 52-bit limbs (little-endian long[5]) in Montgomery form x·2^260 mod p.
 *
 * <p>Invariant of every element: limbs below 2^52 and value below 2p (not necessarily below p). Keeping the
 * slack avoids a conditional subtraction after each multiplication; {@link #canonical} reduces fully where a
 * unique representative matters (comparisons, output). Outputs may alias inputs. Nothing here branches on
 * or indexes by element values, so every routine runs in time independent of the values (the JIT is not
 * known to introduce branches for this straight-line code, but Java gives no hard guarantee).
 */
final class MontgomeryFp {

    static final int LIMBS = 5;
    private static final long TWO_P0 = (P0 << 1) & MASK;
    private static final long TWO_P1 = ((P1 << 1) & MASK) | (P0 >>> 51);
    private static final long TWO_P2 = (P2 << 1) | (P1 >>> 51);
    private static final long TWO_P4 = P4 << 1;
    /** 2^520 mod p: a Montgomery product with it moves a canonical value into Montgomery form. */
    private static final long[] R2 = {0x9d265e952d13bL, 0xd63c715bea69fL, 0x5be65cb687604L, 0x3dceec73d217fL,
        0x9411b7c309aL};
    private static final long[] ONE_CANONICAL = {1, 0, 0, 0, 0};
    /** Never written to. */
    private static final long[] ZERO = new long[LIMBS];
    static final long[] ONE = fromBigInteger(BigInteger.ONE);
    private static final int[] INVERSION_PLAN = inversionPlan(Fp.MODULUS.subtract(BigInteger.TWO), 5);

    private MontgomeryFp() {
    }

    static long[] create() {
        return new long[LIMBS];
    }

    static void mul(long[] r, long[] a, long[] b) {
        MontgomeryKernels.mul(r, a, b);
    }

    static void sqr(long[] r, long[] a) {
        MontgomeryKernels.sqr(r, a);
    }

    /** r = a + b, reduced below 2p by a masked subtraction of 2p. */
    static void add(long[] r, long[] a, long[] b) {
        long s0 = a[0] + b[0];
        long s1 = a[1] + b[1] + (s0 >>> 52);
        long s2 = a[2] + b[2] + (s1 >>> 52);
        long s3 = a[3] + b[3] + (s2 >>> 52);
        long s4 = a[4] + b[4] + (s3 >>> 52);
        s0 &= MASK;
        s1 &= MASK;
        s2 &= MASK;
        s3 &= MASK;
        subtractTwoPIfNotBelow(r, s0, s1, s2, s3, s4);
    }

    /** r = 2a. */
    static void twice(long[] r, long[] a) {
        add(r, a, a);
    }

    /** r = a - b, with 2p added back when the difference is negative (masked, no branch). */
    static void sub(long[] r, long[] a, long[] b) {
        long d0 = a[0] - b[0];
        long d1 = a[1] - b[1] + (d0 >> 52);
        long d2 = a[2] - b[2] + (d1 >> 52);
        long d3 = a[3] - b[3] + (d2 >> 52);
        long d4 = a[4] - b[4] + (d3 >> 52);
        long negative = d4 >> 63;
        long e0 = (d0 & MASK) + (TWO_P0 & negative);
        long e1 = (d1 & MASK) + (TWO_P1 & negative) + (e0 >>> 52);
        long e2 = (d2 & MASK) + (TWO_P2 & negative) + (e1 >>> 52);
        long e3 = (d3 & MASK) + (e2 >>> 52);
        r[4] = d4 + (TWO_P4 & negative) + (e3 >>> 52);
        r[0] = e0 & MASK;
        r[1] = e1 & MASK;
        r[2] = e2 & MASK;
        r[3] = e3 & MASK;
    }

    static void neg(long[] r, long[] a) {
        sub(r, ZERO, a);
    }

    static void copy(long[] r, long[] a) {
        System.arraycopy(a, 0, r, 0, LIMBS);
    }

    /** r = mask == -1 ? b : r (mask must be 0 or -1). */
    static void select(long[] r, long[] b, long mask) {
        for (int i = 0; i < LIMBS; i++) {
            r[i] ^= (r[i] ^ b[i]) & mask;
        }
    }

    /** The unique representative below p, in place (value below 2p on entry). */
    static void canonical(long[] a) {
        long t0 = a[0] - P0;
        long t1 = a[1] - P1 + (t0 >> 52);
        long t2 = a[2] - P2 + (t1 >> 52);
        long t3 = a[3] + (t2 >> 52);
        long t4 = a[4] - P4 + (t3 >> 52);
        long keep = t4 >> 63; // all ones when a < p
        a[0] = (a[0] & keep) | (t0 & MASK & ~keep);
        a[1] = (a[1] & keep) | (t1 & MASK & ~keep);
        a[2] = (a[2] & keep) | (t2 & MASK & ~keep);
        a[3] = (a[3] & keep) | (t3 & MASK & ~keep);
        a[4] = (a[4] & keep) | (t4 & ~keep);
    }

    /** -1 if a ≡ 0 (mod p), else 0; constant time. A value below 2p is ≡ 0 iff it is 0 or p. */
    static long isZeroMask(long[] a) {
        long zero = a[0] | a[1] | a[2] | a[3] | a[4];
        long equalsP = (a[0] ^ P0) | (a[1] ^ P1) | (a[2] ^ P2) | a[3] | (a[4] ^ P4);
        return zeroToMinusOne(zero) | zeroToMinusOne(equalsP);
    }

    /** -1 if v == 0, else 0, without branching. */
    private static long zeroToMinusOne(long v) {
        return ~((v | -v) >> 63);
    }

    /** True iff a ≡ b (mod p). Not constant time in its result, which callers may branch on. */
    static boolean equal(long[] a, long[] b) {
        long[] d = create();
        sub(d, a, b);
        return isZeroMask(d) != 0;
    }

    /** r = a^-1 (and 0 for 0) by Fermat, a^(p-2), along a fixed sliding-window plan: the same sequence of
     *  squarings and multiplications for every input. */
    static void invert(long[] r, long[] a) {
        long[][] odd = new long[16][];
        long[] square = create();
        sqr(square, a);
        odd[0] = a.clone();
        for (int i = 1; i < 16; i++) {
            odd[i] = create();
            mul(odd[i], odd[i - 1], square);
        }
        long[] acc = odd[INVERSION_PLAN[0]].clone();
        for (int i = 1; i < INVERSION_PLAN.length; i += 2) {
            for (int s = 0; s < INVERSION_PLAN[i]; s++) {
                sqr(acc, acc);
            }
            if (INVERSION_PLAN[i + 1] >= 0) {
                mul(acc, acc, odd[INVERSION_PLAN[i + 1]]);
            }
        }
        copy(r, acc);
    }

    /**
     * Left-to-right sliding-window plan for a public exponent: the first entry is the index of the leading
     * odd window (value 2·index + 1), then pairs (squarings, index of odd power to multiply or -1).
     */
    private static int[] inversionPlan(BigInteger exponent, int width) {
        java.util.List<Integer> plan = new java.util.ArrayList<>();
        int bit = exponent.bitLength() - 1;
        boolean first = true;
        int pendingSquarings = 0;
        while (bit >= 0) {
            if (!exponent.testBit(bit)) {
                pendingSquarings++;
                bit--;
                continue;
            }
            int low = Math.max(bit - width + 1, 0);
            while (!exponent.testBit(low)) {
                low++;
            }
            int window = exponent.shiftRight(low).intValue() & ((1 << (bit - low + 1)) - 1);
            if (first) {
                plan.add(window >>> 1);
                first = false;
            } else {
                plan.add(pendingSquarings + bit - low + 1);
                plan.add(window >>> 1);
            }
            pendingSquarings = 0;
            bit = low - 1;
        }
        if (pendingSquarings > 0) {
            plan.add(pendingSquarings);
            plan.add(-1);
        }
        return plan.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Montgomery form of a value in [0, p). */
    static long[] fromBigInteger(BigInteger canonical) {
        long[] r = create();
        for (int i = 0; i < LIMBS; i++) {
            r[i] = canonical.shiftRight(52 * i).longValue() & MASK;
        }
        mul(r, r, R2);
        return r;
    }

    /** Montgomery form of 32 little-endian bytes holding a value below p. */
    static void fromCanonicalLittleEndian(long[] r, byte[] le) {
        long[] words = new long[4];
        for (int i = 0; i < 32; i++) {
            words[i >>> 3] |= (le[i] & 0xffL) << (8 * (i & 7));
        }
        r[0] = words[0] & MASK;
        r[1] = ((words[0] >>> 52) | (words[1] << 12)) & MASK;
        r[2] = ((words[1] >>> 40) | (words[2] << 24)) & MASK;
        r[3] = ((words[2] >>> 28) | (words[3] << 36)) & MASK;
        r[4] = words[3] >>> 16;
        mul(r, r, R2);
    }

    /** The canonical integer value of a Montgomery-form element. */
    static BigInteger toBigInteger(long[] a) {
        long[] c = create();
        mul(c, a, ONE_CANONICAL);
        canonical(c);
        byte[] be = new byte[33]; // leading zero byte keeps the value non-negative
        for (int i = 0; i < 32; i++) {
            int bitPos = 8 * i;
            int limb = bitPos / 52;
            int shift = bitPos % 52;
            long v = c[limb] >>> shift;
            if (shift > 44 && limb + 1 < LIMBS) {
                v |= c[limb + 1] << (52 - shift);
            }
            be[32 - i] = (byte) v;
        }
        return new BigInteger(be);
    }

    private static void subtractTwoPIfNotBelow(long[] r, long s0, long s1, long s2, long s3, long s4) {
        long t0 = s0 - TWO_P0;
        long t1 = s1 - TWO_P1 + (t0 >> 52);
        long t2 = s2 - TWO_P2 + (t1 >> 52);
        long t3 = s3 + (t2 >> 52);
        long t4 = s4 - TWO_P4 + (t3 >> 52);
        long keep = t4 >> 63; // all ones when s < 2p
        r[0] = (s0 & keep) | (t0 & MASK & ~keep);
        r[1] = (s1 & keep) | (t1 & MASK & ~keep);
        r[2] = (s2 & keep) | (t2 & MASK & ~keep);
        r[3] = (s3 & keep) | (t3 & MASK & ~keep);
        r[4] = (s4 & keep) | (t4 & ~keep);
    }
}
