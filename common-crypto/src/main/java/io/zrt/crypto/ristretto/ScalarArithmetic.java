package io.zrt.crypto.ristretto;

/**
 * Arithmetic modulo l = 2^252 + 27742317777372353535851937790883648493 on four 64-bit limbs in Montgomery
 * form (R = 2^256). Multiplication is word-serial Montgomery (CIOS) using {@link Math#multiplyHigh}; l's
 * limbs 2 and 3 are 0 and 2^60, so each reduction round needs only two real 64x64 products. All values
 * handled here are fully reduced (below l) and no routine branches on them.
 */
final class ScalarArithmetic {
    static final long L0 = 0x5812631a5cf5d3edL;
    static final long L1 = 0x14def9dea2f79cd6L;
    static final long L2 = 0;
    static final long L3 = 0x1000000000000000L;
    /** -1/l mod 2^64. */
    private static final long N0 = 0xd2b51da312547e1bL;
    /** R^2 mod l and R^3 mod l: multiplying by them moves values into Montgomery form. */
    static final long[] R2 = {0xa40611e3449c0f01L, 0xd00e1ba768859347L, 0xceec73d217f5be65L, 0x0399411b7c309a3dL};
    static final long[] R3 = {0x2a9e49687b83a2dbL, 0x278324e6aef7f3ecL, 0x8065dc6c04ec5b65L, 0x0e530b773599cec7L};

    private ScalarArithmetic() {
    }

    /** High word of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrived only in Java 18). */
    static long umulh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** Carry out of the unsigned addition s = x + y. */
    static long carry(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** Borrow out of the unsigned subtraction d = x - y. */
    static long borrow(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }

    /**
     * Montgomery product a * b / R mod l. Requires b < l and a < 2^256 (a need not be reduced, which lets
     * the wide reduction feed raw 256-bit halves); the result is fully reduced.
     */
    static Scalar montMul(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        long c, p, h, s, m;
        // t += a0 * b, then divide by 2^64 after adding the multiple of l that clears t0
        p = a0 * b0; h = umulh(a0, b0);
        s = p + t0; h += carry(p, t0, s);
        t0 = s; c = h;
        p = a0 * b1; h = umulh(a0, b1);
        s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t1 = p; c = h;
        p = a0 * b2; h = umulh(a0, b2);
        s = p + t2; h += carry(p, t2, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        p = a0 * b3; h = umulh(a0, b3);
        s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t3 = p; c = h;
        t4 += c;
        m = t0 * N0;
        p = m * L0; h = umulh(m, L0); s = p + t0; c = h + carry(p, t0, s);
        p = m * L1; h = umulh(m, L1); s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t0 = p; c = h;
        s = t2 + c; c = carry(t2, c, s); t1 = s;
        p = m << 60; h = m >>> 4; s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        s = t4 + c; t3 = s; t4 = carry(t4, c, s);
        // t += a1 * b, then divide by 2^64 after adding the multiple of l that clears t0
        p = a1 * b0; h = umulh(a1, b0);
        s = p + t0; h += carry(p, t0, s);
        t0 = s; c = h;
        p = a1 * b1; h = umulh(a1, b1);
        s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t1 = p; c = h;
        p = a1 * b2; h = umulh(a1, b2);
        s = p + t2; h += carry(p, t2, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        p = a1 * b3; h = umulh(a1, b3);
        s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t3 = p; c = h;
        t4 += c;
        m = t0 * N0;
        p = m * L0; h = umulh(m, L0); s = p + t0; c = h + carry(p, t0, s);
        p = m * L1; h = umulh(m, L1); s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t0 = p; c = h;
        s = t2 + c; c = carry(t2, c, s); t1 = s;
        p = m << 60; h = m >>> 4; s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        s = t4 + c; t3 = s; t4 = carry(t4, c, s);
        // t += a2 * b, then divide by 2^64 after adding the multiple of l that clears t0
        p = a2 * b0; h = umulh(a2, b0);
        s = p + t0; h += carry(p, t0, s);
        t0 = s; c = h;
        p = a2 * b1; h = umulh(a2, b1);
        s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t1 = p; c = h;
        p = a2 * b2; h = umulh(a2, b2);
        s = p + t2; h += carry(p, t2, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        p = a2 * b3; h = umulh(a2, b3);
        s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t3 = p; c = h;
        t4 += c;
        m = t0 * N0;
        p = m * L0; h = umulh(m, L0); s = p + t0; c = h + carry(p, t0, s);
        p = m * L1; h = umulh(m, L1); s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t0 = p; c = h;
        s = t2 + c; c = carry(t2, c, s); t1 = s;
        p = m << 60; h = m >>> 4; s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        s = t4 + c; t3 = s; t4 = carry(t4, c, s);
        // t += a3 * b, then divide by 2^64 after adding the multiple of l that clears t0
        p = a3 * b0; h = umulh(a3, b0);
        s = p + t0; h += carry(p, t0, s);
        t0 = s; c = h;
        p = a3 * b1; h = umulh(a3, b1);
        s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t1 = p; c = h;
        p = a3 * b2; h = umulh(a3, b2);
        s = p + t2; h += carry(p, t2, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        p = a3 * b3; h = umulh(a3, b3);
        s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t3 = p; c = h;
        t4 += c;
        m = t0 * N0;
        p = m * L0; h = umulh(m, L0); s = p + t0; c = h + carry(p, t0, s);
        p = m * L1; h = umulh(m, L1); s = p + t1; h += carry(p, t1, s);
        p = s + c; h += carry(s, c, p); t0 = p; c = h;
        s = t2 + c; c = carry(t2, c, s); t1 = s;
        p = m << 60; h = m >>> 4; s = p + t3; h += carry(p, t3, s);
        p = s + c; h += carry(s, c, p); t2 = p; c = h;
        s = t4 + c; t3 = s; t4 = carry(t4, c, s);
        return reduceOnce(t0, t1, t2, t3);
    }

    /** Subtracts l once if the value (below 2l) is at least l; constant-time. */
    static Scalar reduceOnce(long t0, long t1, long t2, long t3) {
        long d0 = t0 - L0;
        long b = borrow(t0, L0, d0);
        long d1 = t1 - L1 - b;
        b = borrow(t1, L1, t1 - L1) | borrow(t1 - L1, b, d1);
        long d2 = t2 - L2 - b;
        b = borrow(t2, L2, t2 - L2) | borrow(t2 - L2, b, d2);
        long d3 = t3 - L3 - b;
        b = borrow(t3, L3, t3 - L3) | borrow(t3 - L3, b, d3);
        long keep = -b; // all ones when t < l
        return new Scalar((t0 & keep) | (d0 & ~keep), (t1 & keep) | (d1 & ~keep), (t2 & keep) | (d2 & ~keep),
                (t3 & keep) | (d3 & ~keep));
    }

    static Scalar add(Scalar a, Scalar b) {
        long s0 = a.m0 + b.m0;
        long c = carry(a.m0, b.m0, s0);
        long s1 = a.m1 + b.m1;
        long c1 = carry(a.m1, b.m1, s1);
        long s1c = s1 + c;
        c = c1 | carry(s1, c, s1c);
        long s2 = a.m2 + b.m2;
        long c2 = carry(a.m2, b.m2, s2);
        long s2c = s2 + c;
        c = c2 | carry(s2, c, s2c);
        long s3 = a.m3 + b.m3 + c; // both below 2^253: no carry out of the top limb
        return reduceOnce(s0, s1c, s2c, s3);
    }

    static Scalar sub(Scalar a, Scalar b) {
        long d0 = a.m0 - b.m0;
        long br = borrow(a.m0, b.m0, d0);
        long d1 = a.m1 - b.m1 - br;
        br = borrow(a.m1, b.m1, a.m1 - b.m1) | borrow(a.m1 - b.m1, br, d1);
        long d2 = a.m2 - b.m2 - br;
        br = borrow(a.m2, b.m2, a.m2 - b.m2) | borrow(a.m2 - b.m2, br, d2);
        long d3 = a.m3 - b.m3 - br;
        br = borrow(a.m3, b.m3, a.m3 - b.m3) | borrow(a.m3 - b.m3, br, d3);
        // On borrow the difference wrapped modulo 2^256: add l back.
        long mask = -br;
        long e0 = d0 + (L0 & mask);
        long c = carry(d0, L0 & mask, e0);
        long x1 = d1 + (L1 & mask);
        long c1 = carry(d1, L1 & mask, x1);
        long e1 = x1 + c;
        c = c1 | carry(x1, c, e1);
        long x2 = d2 + (L2 & mask);
        long c2 = carry(d2, L2 & mask, x2);
        long e2 = x2 + c;
        c = c2 | carry(x2, c, e2);
        long e3 = d3 + (L3 & mask) + c;
        return new Scalar(e0, e1, e2, e3);
    }

    static Scalar mul(Scalar a, Scalar b) {
        return montMul(a.m0, a.m1, a.m2, a.m3, b.m0, b.m1, b.m2, b.m3);
    }

    /** Converts four little-endian limbs (any value below 2^256) to Montgomery form, reducing mod l. */
    static Scalar toMontgomery(long x0, long x1, long x2, long x3) {
        return montMul(x0, x1, x2, x3, R2[0], R2[1], R2[2], R2[3]);
    }

    /** The canonical value of a Montgomery-form scalar, as four little-endian limbs. */
    static long[] fromMontgomery(Scalar a) {
        Scalar r = montMul(a.m0, a.m1, a.m2, a.m3, 1, 0, 0, 0);
        return new long[] {r.m0, r.m1, r.m2, r.m3};
    }

    /** 1 if the little-endian limbs are below l, else 0 (constant-time). */
    static long isCanonical(long x0, long x1, long x2, long x3) {
        long d0 = x0 - L0;
        long b = borrow(x0, L0, d0);
        long d1 = x1 - L1 - b;
        b = borrow(x1, L1, x1 - L1) | borrow(x1 - L1, b, d1);
        long d2 = x2 - L2 - b;
        b = borrow(x2, L2, x2 - L2) | borrow(x2 - L2, b, d2);
        long d3 = x3 - L3 - b;
        return borrow(x3, L3, x3 - L3) | borrow(x3 - L3, b, d3);
    }
}
