package io.zrt.crypto.cortado;

import io.zrt.crypto.Hex;
import io.zrt.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A point of the Cortado group in affine coordinates, or the point at infinity. Immutable. Every instance is
 * on the curve: the only ways in are strict decoding, {@link #fromAffine} (checked) and group operations.
 *
 * <p>Compressed encoding (32 bytes): x little-endian in bits 0..252; bit 7 of byte 31 set iff y > p − y;
 * bit 6 of byte 31 alone marks infinity; bit 5 of byte 31 is always zero.
 */
public final class CortadoPoint {

    public static final int ENCODED_LENGTH = 32;

    private static final int SIGN_BIT = 0x80;
    private static final int INFINITY_BIT = 0x40;
    private static final int UNUSED_BIT = 0x20;

    private static final CortadoPoint INFINITY = new CortadoPoint(null, null);

    private final Fp x;
    private final Fp y;
    /** The arithmetic backend's own representation of this point, cached (a benign race: same value). */
    volatile Object backendForm;

    private CortadoPoint(Fp x, Fp y) {
        this.x = x;
        this.y = y;
    }

    public static CortadoPoint infinity() {
        return INFINITY;
    }

    /** A point from affine coordinates, rejected unless it satisfies the curve equation. */
    public static CortadoPoint fromAffine(Fp x, Fp y) throws InvalidEncodingException {
        if (!y.square().equals(Cortado.curveEquationRhs(x))) {
            throw new InvalidEncodingException("coordinates are not on Cortado");
        }
        return new CortadoPoint(x, y);
    }

    /** For backends whose results are on the curve by construction. */
    static CortadoPoint trustedAffine(Fp x, Fp y) {
        return new CortadoPoint(x, y);
    }

    static CortadoPoint checkedConstant(String xDecimal, String yDecimal) {
        try {
            return fromAffine(Fp.of(new BigInteger(xDecimal)), Fp.of(new BigInteger(yDecimal)));
        } catch (InvalidEncodingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Strict decoding of a point that must not be infinity (public keys, commitments, path keys).
     */
    public static CortadoPoint decode(byte[] encoded) throws InvalidEncodingException {
        CortadoPoint point = decodeAllowingInfinity(encoded);
        if (point.isInfinity()) {
            throw new InvalidEncodingException("point at infinity where a proper point is required");
        }
        return point;
    }

    /** Strict decoding that also accepts the canonical encoding of infinity. */
    public static CortadoPoint decodeAllowingInfinity(byte[] encoded) throws InvalidEncodingException {
        if (encoded == null || encoded.length != ENCODED_LENGTH) {
            throw new InvalidEncodingException("point must be 32 bytes");
        }
        int top = encoded[31] & 0xff;
        if ((top & UNUSED_BIT) != 0) {
            throw new InvalidEncodingException("unused bit set in point encoding");
        }
        byte[] xBytes = encoded.clone();
        xBytes[31] = (byte) (top & ~(SIGN_BIT | INFINITY_BIT));
        if ((top & INFINITY_BIT) != 0) {
            if ((top & SIGN_BIT) != 0 || !allZero(xBytes)) {
                throw new InvalidEncodingException("infinity flag with other bits set");
            }
            return INFINITY;
        }
        Fp px = Fp.fromCanonicalBytes(xBytes); // rejects x >= p
        Optional<Fp> root = Cortado.curveEquationRhs(px).sqrt();
        if (root.isEmpty()) {
            throw new InvalidEncodingException("x is not the abscissa of a Cortado point");
        }
        boolean wantHigh = (top & SIGN_BIT) != 0;
        Fp py = root.get();
        if (py.isZero() && wantHigh) {
            throw new InvalidEncodingException("sign bit set for y = 0");
        }
        if (py.isHigh() != wantHigh) {
            py = py.negate();
        }
        return new CortadoPoint(px, py);
    }

    public byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        if (isInfinity()) {
            out[31] = (byte) INFINITY_BIT;
            return out;
        }
        out = x.toBytes();
        if (y.isHigh()) {
            out[31] |= (byte) SIGN_BIT;
        }
        return out;
    }

    public boolean isInfinity() {
        return x == null;
    }

    public Fp x() {
        requireFinite();
        return x;
    }

    public Fp y() {
        requireFinite();
        return y;
    }

    /**
     * ι(P): the x-coordinate as an integer, which is below p < r and therefore a canonical scalar.
     * Throws {@link IllegalStateException} for infinity, which callers must treat as an aborted operation.
     */
    public Scalar iota() {
        requireFinite();
        return Scalar.of(x.toBigInteger());
    }

    public CortadoPoint add(CortadoPoint other) {
        return Cortado.ARITHMETIC.add(this, other);
    }

    public CortadoPoint subtract(CortadoPoint other) {
        return add(other.negate());
    }

    public CortadoPoint negate() {
        return isInfinity() ? this : new CortadoPoint(x, y.negate());
    }

    public CortadoPoint multiply(Scalar k) {
        return Cortado.ARITHMETIC.multiply(this, k);
    }

    private void requireFinite() {
        if (isInfinity()) {
            throw new IllegalStateException("the point at infinity has no coordinates");
        }
    }

    private static boolean allZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CortadoPoint other)) {
            return false;
        }
        if (isInfinity() || other.isInfinity()) {
            return isInfinity() && other.isInfinity();
        }
        return x.equals(other.x) && y.equals(other.y);
    }

    @Override
    public int hashCode() {
        return isInfinity() ? 0 : x.hashCode() * 31 + y.hashCode();
    }

    /** Points are public values: their compressed encoding is shown. */
    @Override
    public String toString() {
        return "CortadoPoint(" + Hex.encode(encode()) + ")";
    }
}
