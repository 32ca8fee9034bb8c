package io.zrt.crypto.ristretto;

import static io.zrt.crypto.ristretto.FieldOps.getLong;
import static io.zrt.crypto.ristretto.FieldOps.putLong;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An integer modulo the Ristretto255 group order l = 2^252 + 27742317777372353535851937790883648493.
 * Immutable. Arithmetic is constant-time; {@link #toString()} never shows the value (scalars are often
 * secret); {@link #equals} compares in constant time.
 */
public final class Scalar {
    /** The little-endian encoding of l. */
    private static final byte[] ORDER_BYTES = java.util.HexFormat.of()
        .parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    private static final Scalar ZERO = new Scalar(0, 0, 0, 0);
    private static final Scalar ONE = ScalarArithmetic.toMontgomery(1, 0, 0, 0);

    /** Montgomery form x * 2^256 mod l, fully reduced, little-endian limbs. */
    final long m0, m1, m2, m3;

    Scalar(long m0, long m1, long m2, long m3) {
        this.m0 = m0;
        this.m1 = m1;
        this.m2 = m2;
        this.m3 = m3;
    }

    public static Scalar zero() {
        return ZERO;
    }

    public static Scalar one() {
        return ONE;
    }

    /** The scalar with the given non-negative value. */
    public static Scalar fromLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative");
        }
        return ScalarArithmetic.toMontgomery(value, 0, 0, 0);
    }

    /** Strict decoding of 32 little-endian bytes: the value must be below l. */
    public static Scalar fromCanonicalBytes(byte[] bytes) throws RistrettoDecodingException {
        if (bytes == null || bytes.length != 32) {
            throw new RistrettoDecodingException("a scalar encoding is exactly 32 bytes");
        }
        long x0 = getLong(bytes, 0), x1 = getLong(bytes, 8), x2 = getLong(bytes, 16), x3 = getLong(bytes, 24);
        if (ScalarArithmetic.isCanonical(x0, x1, x2, x3) == 0) {
            throw new RistrettoDecodingException("scalar encoding is not canonical (value >= group order)");
        }
        return ScalarArithmetic.toMontgomery(x0, x1, x2, x3);
    }

    /** 32 little-endian bytes reduced modulo l (for values that are not attacker-chosen encodings). */
    public static Scalar fromBytesModOrder(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
        }
        return ScalarArithmetic.toMontgomery(getLong(bytes, 0), getLong(bytes, 8), getLong(bytes, 16),
            getLong(bytes, 24));
    }

    /** 64 little-endian bytes reduced modulo l: the Fiat–Shamir challenge and hash-to-scalar path. */
    public static Scalar fromWideBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 64) {
            throw new IllegalArgumentException("expected 64 bytes, got " + bytes.length);
        }
        // value = lo + hi * 2^256; in Montgomery form that is lo * R^2 / R + hi * R^3 / R.
        Scalar lo = ScalarArithmetic.montMul(getLong(bytes, 0), getLong(bytes, 8), getLong(bytes, 16),
            getLong(bytes, 24), ScalarArithmetic.R2[0], ScalarArithmetic.R2[1], ScalarArithmetic.R2[2],
            ScalarArithmetic.R2[3]);
        Scalar hi = ScalarArithmetic.montMul(getLong(bytes, 32), getLong(bytes, 40), getLong(bytes, 48),
            getLong(bytes, 56), ScalarArithmetic.R3[0], ScalarArithmetic.R3[1], ScalarArithmetic.R3[2],
            ScalarArithmetic.R3[3]);
        return ScalarArithmetic.add(lo, hi);
    }

    /** A uniformly random scalar (64 random bytes reduced, bias below 2^-250). */
    public static Scalar random(SecureRandom random) {
        byte[] wide = new byte[64];
        random.nextBytes(wide);
        Scalar s = fromWideBytes(wide);
        java.util.Arrays.fill(wide, (byte) 0);
        return s;
    }

    /** The canonical 32-byte little-endian encoding. */
    public byte[] toBytes() {
        long[] c = ScalarArithmetic.fromMontgomery(this);
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) {
            putLong(out, 8 * i, c[i]);
        }
        return out;
    }

    /** The canonical value as four little-endian 64-bit limbs (for digit extraction in scalar multiplication). */
    long[] canonicalLimbs() {
        return ScalarArithmetic.fromMontgomery(this);
    }

    public Scalar add(Scalar other) {
        return ScalarArithmetic.add(this, other);
    }

    public Scalar subtract(Scalar other) {
        return ScalarArithmetic.sub(this, other);
    }

    public Scalar multiply(Scalar other) {
        return ScalarArithmetic.mul(this, other);
    }

    public Scalar square() {
        return ScalarArithmetic.mul(this, this);
    }

    public Scalar negate() {
        return ScalarArithmetic.sub(ZERO, this);
    }

    /** this * a + b, the common shape in proof responses. */
    public Scalar multiplyAdd(Scalar a, Scalar b) {
        return ScalarArithmetic.add(ScalarArithmetic.mul(this, a), b);
    }

    public boolean isZero() {
        return ((m0 | m1 | m2 | m3) == 0);
    }

    /** The multiplicative inverse (Fermat: this^(l-2), fixed 4-bit windows over the public exponent). */
    public Scalar invert() {
        if (isZero()) {
            throw new ArithmeticException("zero has no inverse");
        }
        return ScalarInversion.pow(this, ScalarInversion.ORDER_MINUS_TWO);
    }

    /**
     * Inverts every element with one inversion and 3(n-1) multiplications (Montgomery's trick).
     * Throws ArithmeticException if any element is zero; the input array is not modified.
     */
    public static Scalar[] batchInvert(Scalar[] scalars) {
        int n = scalars.length;
        Scalar[] out = new Scalar[n];
        if (n == 0) {
            return out;
        }
        Scalar acc = ONE;
        for (int i = 0; i < n; i++) {
            out[i] = acc;                       // product of the elements before i
            acc = acc.multiply(scalars[i]);
        }
        Scalar inv = acc.invert();              // throws if the product (so some element) is zero
        for (int i = n - 1; i >= 0; i--) {
            Scalar before = out[i];
            out[i] = inv.multiply(before);
            inv = inv.multiply(scalars[i]);
        }
        return out;
    }

    /** Constant-time value equality. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Scalar other)) {
            return false;
        }
        return ((m0 ^ other.m0) | (m1 ^ other.m1) | (m2 ^ other.m2) | (m3 ^ other.m3)) == 0;
    }

    @Override
    public int hashCode() {
        long h = m0 * 31 + m1 * 17 + m2 * 7 + m3;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "Scalar[redacted]";
    }

    static byte[] orderBytes() {
        return ORDER_BYTES.clone();
    }
}
