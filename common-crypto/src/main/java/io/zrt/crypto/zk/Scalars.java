package io.zrt.crypto.zk;

import io.zrt.crypto.LittleEndian;
import io.zrt.crypto.ristretto.Scalar;
import java.math.BigInteger;

/** Small helpers over Ristretto scalars (mod ℓ) used by the proof engine and its gadgets. */
public final class Scalars {

    /** ℓ, the Ristretto255 group order (= the Cortado base field p). */
    public static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private static final Scalar ONE = Scalar.one();
    private static final Scalar MINUS_ONE = ONE.negate();

    private Scalars() {
    }

    /**
     * c·v for a public coefficient c (a circuit constant): ±1, the most common coefficients (about 44 % of a
     * branch circuit's terms), skip the multiplication. Only c decides the branch, never v.
     */
    static Scalar scaled(Scalar c, Scalar v) {
        if (c.equals(ONE)) {
            return v;
        }
        return c.equals(MINUS_ONE) ? v.negate() : c.multiply(v);
    }

    /** A small integer, negative values allowed (taken modulo ℓ). */
    public static Scalar of(long value) {
        if (value == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(value));
        }
        return value >= 0 ? Scalar.fromLong(value) : Scalar.fromLong(-value).negate();
    }

    /** Any integer, reduced modulo ℓ. */
    public static Scalar of(BigInteger value) {
        return Scalar.fromBytesModOrder(LittleEndian.toBytes(value.mod(ORDER), 32));
    }

    /** The canonical integer in [0, ℓ). */
    public static BigInteger toBigInteger(Scalar value) {
        return LittleEndian.toBigInteger(value.toBytes());
    }

    /** 1, x, x², …, x^(n−1). */
    public static Scalar[] powers(Scalar x, int n) {
        Scalar[] out = new Scalar[n];
        Scalar acc = Scalar.one();
        for (int i = 0; i < n; i++) {
            out[i] = acc;
            acc = acc.multiply(x);
        }
        return out;
    }

    /** Σ aᵢ·bᵢ over the first {@code n} entries. */
    public static Scalar innerProduct(Scalar[] a, Scalar[] b, int n) {
        Scalar acc = Scalar.zero();
        for (int i = 0; i < n; i++) {
            acc = acc.add(a[i].multiply(b[i]));
        }
        return acc;
    }
}
