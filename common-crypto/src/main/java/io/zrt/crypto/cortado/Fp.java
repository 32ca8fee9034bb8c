package io.zrt.crypto.cortado;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.LittleEndian;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An element of F_p with p = 2²⁵² + 27742317777372353535851937790883648493. The same prime is the
 * Ristretto255 group order ℓ, so this class is also the scalar field of Ristretto proofs, in which Cortado
 * coordinates are native values. Immutable; arithmetic is BigInteger based and not constant time.
 */
public final class Fp implements Comparable<Fp> {

    public static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    public static final int ENCODED_LENGTH = 32;

    public static final Fp ZERO = new Fp(BigInteger.ZERO);
    public static final Fp ONE = new Fp(BigInteger.ONE);

    private static final BigInteger HALF = MODULUS.subtract(BigInteger.ONE).shiftRight(1);
    // p ≡ 5 (mod 8): square roots by Atkin's method need one exponentiation by (p − 5) / 8.
    private static final BigInteger ATKIN_EXPONENT = MODULUS.subtract(BigInteger.valueOf(5)).shiftRight(3);

    static {
        if (MODULUS.mod(BigInteger.valueOf(8)).intValue() != 5) {
            throw new AssertionError("square-root method assumes p ≡ 5 mod 8");
        }
    }

    private final BigInteger value;

    private Fp(BigInteger reduced) {
        this.value = reduced;
    }

    /** The residue of any integer (negative values included). */
    public static Fp of(BigInteger any) {
        return new Fp(any.mod(MODULUS));
    }

    public static Fp of(long any) {
        return of(BigInteger.valueOf(any));
    }

    /** Strict decoding: exactly 32 little-endian bytes holding a value below p. */
    public static Fp fromCanonicalBytes(byte[] bytes) throws InvalidEncodingException {
        if (bytes == null || bytes.length != ENCODED_LENGTH) {
            throw new InvalidEncodingException("field element must be 32 bytes");
        }
        BigInteger v = LittleEndian.toBigInteger(bytes);
        if (v.compareTo(MODULUS) >= 0) {
            throw new InvalidEncodingException("field element not below p");
        }
        return new Fp(v);
    }

    public Fp add(Fp other) {
        return reduceOnce(value.add(other.value));
    }

    public Fp subtract(Fp other) {
        BigInteger d = value.subtract(other.value);
        return new Fp(d.signum() < 0 ? d.add(MODULUS) : d);
    }

    public Fp multiply(Fp other) {
        return new Fp(value.multiply(other.value).mod(MODULUS));
    }

    public Fp square() {
        return multiply(this);
    }

    public Fp negate() {
        return value.signum() == 0 ? this : new Fp(MODULUS.subtract(value));
    }

    /** Multiplicative inverse; throws {@link ArithmeticException} for zero. */
    public Fp invert() {
        if (isZero()) {
            throw new ArithmeticException("zero has no inverse");
        }
        return new Fp(value.modInverse(MODULUS));
    }

    public Fp pow(BigInteger exponent) {
        return new Fp(value.modPow(exponent, MODULUS));
    }

    /** A square root if one exists (either of the two; callers pick the sign they need). */
    public Optional<Fp> sqrt() {
        if (isZero()) {
            return Optional.of(ZERO);
        }
        BigInteger twice = value.shiftLeft(1).mod(MODULUS);
        BigInteger v = twice.modPow(ATKIN_EXPONENT, MODULUS);
        BigInteger i = twice.multiply(v).multiply(v).mod(MODULUS);
        BigInteger root = value.multiply(v).multiply(i.subtract(BigInteger.ONE)).mod(MODULUS);
        if (!root.multiply(root).mod(MODULUS).equals(value)) {
            return Optional.empty();
        }
        return Optional.of(new Fp(root));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    /** True iff this value is greater than its negation p − value (the sign rule of Cortado encodings). */
    public boolean isHigh() {
        return value.compareTo(HALF) > 0;
    }

    public BigInteger toBigInteger() {
        return value;
    }

    /** 32 bytes little-endian. */
    public byte[] toBytes() {
        return LittleEndian.toBytes(value, ENCODED_LENGTH);
    }

    private static Fp reduceOnce(BigInteger v) {
        return new Fp(v.compareTo(MODULUS) >= 0 ? v.subtract(MODULUS) : v);
    }

    @Override
    public int compareTo(Fp o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Redacted: field elements are also proof witnesses (secret intermediate coordinates). Public values are
     * printed explicitly through {@link #toBigInteger()} or {@link #toBytes()}.
     */
    @Override
    public String toString() {
        return "Fp[redacted]";
    }
}
