package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.FieldOps.add;
import static io.zrt.crypto.ristretto.FieldOps.mul;
import static io.zrt.crypto.ristretto.FieldOps.square;
import static io.zrt.crypto.ristretto.FieldOps.sub;
import static io.zrt.crypto.ristretto.PointOps.T;
import static io.zrt.crypto.ristretto.PointOps.X;
import static io.zrt.crypto.ristretto.PointOps.Y;
import static io.zrt.crypto.ristretto.PointOps.Z;

import java.security.MessageDigest;

/** RFC 9496 section 4.3: encoding, strict decoding, equality and the one-way map, on extended points. */
final class RistrettoCodec {
    private static final long[] ONE = Constants.ONE;

    private RistrettoCodec() {
    }

    static byte[] encode(long[] p) {
        long[] u1 = new long[5], u2 = new long[5], t = new long[5], invsqrt = new long[5];
        add(u1, 0, p, Z, p, Y);
        sub(t, 0, p, Z, p, Y);
        mul(u1, 0, u1, 0, t, 0);                        // (Z+Y)(Z-Y)
        mul(u2, 0, p, X, p, Y);                         // XY
        square(t, 0, u2, 0);
        mul(t, 0, t, 0, u1, 0);
        FieldPow.sqrtRatioM1(invsqrt, 0, ONE, 0, t, 0);
        long[] den1 = new long[5], den2 = new long[5], zInv = new long[5];
        mul(den1, 0, invsqrt, 0, u1, 0);
        mul(den2, 0, invsqrt, 0, u2, 0);
        mul(zInv, 0, den1, 0, den2, 0);
        mul(zInv, 0, zInv, 0, p, T);
        long[] ix = new long[5], iy = new long[5], enchanted = new long[5];
        mul(ix, 0, p, X, Constants.SQRT_M1, 0);
        mul(iy, 0, p, Y, Constants.SQRT_M1, 0);
        mul(enchanted, 0, den1, 0, Constants.INVSQRT_A_MINUS_D, 0);
        mul(t, 0, p, T, zInv, 0);
        long rotate = FieldOps.isNegative(t, 0);
        long[] x = new long[5], y = new long[5];
        FieldOps.copy(x, 0, p, X);
        FieldOps.copy(y, 0, p, Y);
        FieldOps.cmov(x, 0, iy, 0, rotate);
        FieldOps.cmov(y, 0, ix, 0, rotate);
        FieldOps.cmov(den2, 0, enchanted, 0, rotate);   // den_inv
        mul(t, 0, x, 0, zInv, 0);
        FieldOps.cneg(y, 0, FieldOps.isNegative(t, 0));
        sub(t, 0, p, Z, y, 0);
        mul(t, 0, den2, 0, t, 0);
        FieldOps.cneg(t, 0, FieldOps.isNegative(t, 0));
        return FieldOps.toBytes(t, 0);
    }

    /** Returns the extended point, or null when the encoding is invalid (the caller raises the error). */
    static long[] decode(byte[] in) {
        if (in == null || in.length != 32) {
            return null;
        }
        long[] s = new long[5];
        FieldOps.fromBytes(s, 0, in, 0);
        // Canonical: re-encoding gives the same bytes (this also rejects a set bit 255); non-negative s.
        boolean canonical = MessageDigest.isEqual(FieldOps.toBytes(s, 0), in);
        long negative = FieldOps.isNegative(s, 0);
        long[] ss = new long[5], u1 = new long[5], u2 = new long[5], u2sq = new long[5], v = new long[5];
        square(ss, 0, s, 0);
        sub(u1, 0, ONE, 0, ss, 0);                       // 1 + a s^2
        add(u2, 0, ONE, 0, ss, 0);                       // 1 - a s^2
        square(u2sq, 0, u2, 0);
        square(v, 0, u1, 0);
        mul(v, 0, v, 0, Constants.D, 0);
        FieldOps.neg(v, 0, v, 0);
        sub(v, 0, v, 0, u2sq, 0);                        // -(d u1^2) - u2^2
        long[] t = new long[5], invsqrt = new long[5];
        mul(t, 0, v, 0, u2sq, 0);
        long wasSquare = FieldPow.sqrtRatioM1(invsqrt, 0, ONE, 0, t, 0);
        long[] denX = new long[5], denY = new long[5];
        mul(denX, 0, invsqrt, 0, u2, 0);
        mul(denY, 0, invsqrt, 0, denX, 0);
        mul(denY, 0, denY, 0, v, 0);
        long[] p = new long[PointOps.EXT];
        add(t, 0, s, 0, s, 0);
        mul(p, X, t, 0, denX, 0);
        FieldOps.cneg(p, X, FieldOps.isNegative(p, X));  // |2 s den_x|
        mul(p, Y, u1, 0, denY, 0);
        FieldOps.one(p, Z);
        mul(p, T, p, X, p, Y);
        long bad = (1 - wasSquare) | FieldOps.isNegative(p, T) | FieldOps.isZero(p, Y) | negative;
        return (canonical && bad == 0) ? p : null;
    }

    /** RFC 9496 equality: X1*Y2 == Y1*X2 or Y1*Y2 == X1*X2. Returns 1 or 0 in constant time. */
    static long equal(long[] p, long[] q) {
        long[] a = new long[5], b = new long[5];
        mul(a, 0, p, X, q, Y);
        mul(b, 0, p, Y, q, X);
        long first = FieldOps.equal(a, 0, b, 0);
        mul(a, 0, p, Y, q, Y);
        mul(b, 0, p, X, q, X);
        return first | FieldOps.equal(a, 0, b, 0);
    }

    /** The RFC's MAP: 32 bytes (bit 255 ignored, value reduced mod p) to an extended point. */
    static long[] map(byte[] in, int off) {
        long[] t = new long[5], r = new long[5], u = new long[5], v = new long[5], tmp = new long[5];
        FieldOps.fromBytes(t, 0, in, off);
        square(r, 0, t, 0);
        mul(r, 0, r, 0, Constants.SQRT_M1, 0);           // r = i t^2
        add(u, 0, r, 0, ONE, 0);
        mul(u, 0, u, 0, Constants.ONE_MINUS_D_SQ, 0);    // u = (r + 1)(1 - d^2)
        mul(v, 0, r, 0, Constants.D, 0);
        add(v, 0, v, 0, ONE, 0);
        FieldOps.neg(v, 0, v, 0);                        // -1 - r d
        add(tmp, 0, r, 0, Constants.D, 0);
        mul(v, 0, v, 0, tmp, 0);                         // v = (-1 - r d)(r + d)
        long[] s = new long[5];
        long wasSquare = FieldPow.sqrtRatioM1(s, 0, u, 0, v, 0);
        long[] sPrime = new long[5];
        mul(sPrime, 0, s, 0, t, 0);
        FieldOps.cneg(sPrime, 0, FieldOps.isNegative(sPrime, 0));
        FieldOps.neg(sPrime, 0, sPrime, 0);              // -|s t|
        FieldOps.cmov(s, 0, sPrime, 0, 1 - wasSquare);
        long[] c = new long[5];
        FieldOps.copy(c, 0, r, 0);
        long[] minusOne = new long[5];
        FieldOps.neg(minusOne, 0, ONE, 0);
        FieldOps.cmov(c, 0, minusOne, 0, wasSquare);
        long[] n = new long[5];
        sub(tmp, 0, r, 0, ONE, 0);
        mul(n, 0, c, 0, tmp, 0);
        mul(n, 0, n, 0, Constants.D_MINUS_ONE_SQ, 0);
        sub(n, 0, n, 0, v, 0);                           // N = c (r - 1)(d - 1)^2 - v
        long[] w0 = new long[5], w1 = new long[5], w2 = new long[5], w3 = new long[5];
        add(w0, 0, s, 0, s, 0);
        mul(w0, 0, w0, 0, v, 0);
        mul(w1, 0, n, 0, Constants.SQRT_AD_MINUS_ONE, 0);
        square(tmp, 0, s, 0);
        sub(w2, 0, ONE, 0, tmp, 0);
        add(w3, 0, ONE, 0, tmp, 0);
        long[] p = new long[PointOps.EXT];
        mul(p, X, w0, 0, w3, 0);
        mul(p, Y, w2, 0, w1, 0);
        mul(p, Z, w1, 0, w3, 0);
        mul(p, T, w0, 0, w2, 0);
        return p;
    }
}
