package io.zrt.crypto.cortado;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.LittleEndian;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * An integer modulo the Cortado group order r. Scalars are used for secret keys, nonces and path secrets,
 * so {@link #toString()} never shows the value. Immutable; BigInteger based, hence not constant time.
 */
public final class Scalar {

    public static final BigInteger ORDER =
            new BigInteger("7237005577332262213973186563042994240986995387936333955789609363939694262923");
    public static final int ENCODED_LENGTH = 32;

    public static final Scalar ZERO = new Scalar(BigInteger.ZERO);
    public static final Scalar ONE = new Scalar(BigInteger.ONE);

    private final BigInteger value;

    private Scalar(BigInteger reduced) {
        this.value = reduced;
    }

    /** A value already in [0, r); anything else is a programming error. */
    public static Scalar of(BigInteger canonical) {
        if (canonical.signum() < 0 || canonical.compareTo(ORDER) >= 0) {
            throw new IllegalArgumentException("scalar out of range");
        }
        return new Scalar(canonical);
    }

    public static Scalar of(long canonical) {
        return of(BigInteger.valueOf(canonical));
    }

    /** The residue of any integer modulo r. */
    public static Scalar reduce(BigInteger any) {
        return new Scalar(any.mod(ORDER));
    }

    /** Bytes of any length read little-endian and reduced modulo r (e.g. 64 challenge bytes). */
    public static Scalar fromBytesModOrder(byte[] littleEndian) {
        return reduce(LittleEndian.toBigInteger(littleEndian));
    }

    /** Strict decoding: exactly 32 little-endian bytes holding a value below r. */
    public static Scalar fromCanonicalBytes(byte[] bytes) throws InvalidEncodingException {
        if (bytes == null || bytes.length != ENCODED_LENGTH) {
            throw new InvalidEncodingException("scalar must be 32 bytes");
        }
        BigInteger v = LittleEndian.toBigInteger(bytes);
        if (v.compareTo(ORDER) >= 0) {
            throw new InvalidEncodingException("scalar not below r");
        }
        return new Scalar(v);
    }

    /** Uniform in [1, r − 1], by rejection sampling of 253-bit values. */
    public static Scalar randomNonZero(SecureRandom random) {
        while (true) {
            BigInteger candidate = new BigInteger(ORDER.bitLength(), random);
            if (candidate.signum() > 0 && candidate.compareTo(ORDER) < 0) {
                return new Scalar(candidate);
            }
        }
    }

    public Scalar add(Scalar other) {
        BigInteger s = value.add(other.value);
        return new Scalar(s.compareTo(ORDER) >= 0 ? s.subtract(ORDER) : s);
    }

    public Scalar subtract(Scalar other) {
        BigInteger d = value.subtract(other.value);
        return new Scalar(d.signum() < 0 ? d.add(ORDER) : d);
    }

    public Scalar multiply(Scalar other) {
        return new Scalar(value.multiply(other.value).mod(ORDER));
    }

    public Scalar negate() {
        return value.signum() == 0 ? this : new Scalar(ORDER.subtract(value));
    }

    /** Multiplicative inverse; throws {@link ArithmeticException} for zero. */
    public Scalar invert() {
        if (isZero()) {
            throw new ArithmeticException("zero has no inverse");
        }
        return new Scalar(value.modInverse(ORDER));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public BigInteger toBigInteger() {
        return value;
    }

    /** 32 bytes little-endian (the canonical encoding). */
    public byte[] toBytes() {
        return LittleEndian.toBytes(value, ENCODED_LENGTH);
    }

    /** Value equality. Not constant time: compare secrets through their encodings with MessageDigest.isEqual. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Scalar other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Scalar[redacted]";
    }
}
