package io.zrt.crypto.ristretto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An element of the Ristretto255 group (RFC 9496): immutable; equality is the RFC's group equality,
 * not equality of the internal Edwards representative. Points are public values, so {@link #toString()}
 * shows the encoding.
 */
public final class RistrettoPoint {
    private static final RistrettoPoint IDENTITY = new RistrettoPoint(identityLimbs());
    private static final RistrettoPoint BASEPOINT = new RistrettoPoint(basepointLimbs());

    /** Extended Edwards coordinates; never modified after construction. */
    final long[] ext;

    RistrettoPoint(long[] ext) {
        this.ext = ext;
    }

    public static RistrettoPoint identity() {
        return IDENTITY;
    }

    /** The RFC 9496 generator (the image of the Ed25519 basepoint). */
    public static RistrettoPoint basepoint() {
        return BASEPOINT;
    }

    /** Strict RFC 9496 decoding: rejects wrong lengths, non-canonical or negative s, and invalid points. */
    public static RistrettoPoint decode(byte[] encoding) throws RistrettoDecodingException {
        long[] p = RistrettoCodec.decode(encoding);
        if (p == null) {
            throw new RistrettoDecodingException("invalid Ristretto255 encoding");
        }
        return new RistrettoPoint(p);
    }

    /** The 32-byte canonical encoding. */
    public byte[] encode() {
        return RistrettoCodec.encode(ext);
    }

    /** RFC 9496 element derivation: MAP of each 32-byte half, added. Input must be exactly 64 bytes. */
    public static RistrettoPoint fromUniformBytes(byte[] uniform) {
        Objects.requireNonNull(uniform, "uniform");
        if (uniform.length != 64) {
            throw new IllegalArgumentException("fromUniformBytes needs 64 bytes, got " + uniform.length);
        }
        return new RistrettoPoint(RistrettoCodec.map(uniform, 0)).add(new RistrettoPoint(RistrettoCodec.map(uniform, 32)));
    }

    /**
     * Hash-to-group with domain separation: fromUniformBytes(SHA3-512(len(domain) || domain || message)),
     * where len is the domain's UTF-8 length as 4 bytes big-endian. Nobody knows a discrete log of the result
     * relative to any other point, which makes it suitable for deriving independent generators.
     */
    public static RistrettoPoint hashToGroup(String domain, byte[] message) {
        byte[] d = domain.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha3;
        try {
            sha3 = MessageDigest.getInstance("SHA3-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA3-512 is required by Java 17", e);
        }
        sha3.update(new byte[] {(byte) (d.length >>> 24), (byte) (d.length >>> 16), (byte) (d.length >>> 8),
            (byte) d.length});
        sha3.update(d);
        sha3.update(message);
        return fromUniformBytes(sha3.digest());
    }

    public RistrettoPoint add(RistrettoPoint other) {
        return combine(other, false);
    }

    public RistrettoPoint subtract(RistrettoPoint other) {
        return combine(other, true);
    }

    private RistrettoPoint combine(RistrettoPoint other, boolean subtract) {
        long[] cached = new long[PointOps.CACHED];
        PointOps.toCached(cached, 0, other.ext, 0);
        long[] c = new long[PointOps.COMPLETED];
        PointOps.addCached(c, ext, 0, cached, 0, subtract);
        long[] r = new long[PointOps.EXT];
        PointOps.completedToExt(r, 0, c);
        return new RistrettoPoint(r);
    }

    /** this * scalar; constant-time in the scalar (signed 4-bit windows, masked lookups). */
    public RistrettoPoint multiply(Scalar scalar) {
        return new RistrettoPoint(ScalarMul.multiply(ext, Objects.requireNonNull(scalar, "scalar")));
    }

    /** scalar * B using a precomputed table of the basepoint; constant-time in the scalar. */
    public static RistrettoPoint mulBase(Scalar scalar) {
        return new RistrettoPoint(BasepointTable.multiply(Objects.requireNonNull(scalar, "scalar")));
    }

    /**
     * sum of scalars[i] * points[i], constant-time in the scalars (Straus, 4-bit signed windows), for
     * secret scalars such as a prover's witness vectors.
     */
    public static RistrettoPoint multiscalarMul(Scalar[] scalars, RistrettoPoint[] points) {
        return new RistrettoPoint(Msm.straus(checkedScalars(scalars, points), limbs(points)));
    }

    /**
     * sum of scalars[i] * points[i], variable-time: interleaved wNAF below {@value Msm#PIPPENGER_THRESHOLD}
     * terms, Pippenger's bucket method (window chosen by size) from there. Only for public scalars
     * (verification); for fixed bases see {@link PrecomputedMsm}.
     */
    public static RistrettoPoint vartimeMultiscalarMul(Scalar[] scalars, RistrettoPoint[] points) {
        return new RistrettoPoint(Msm.vartime(checkedScalars(scalars, points), limbs(points)));
    }

    private static Scalar[] checkedScalars(Scalar[] scalars, RistrettoPoint[] points) {
        Objects.requireNonNull(scalars, "scalars");
        Objects.requireNonNull(points, "points");
        if (scalars.length != points.length) {
            throw new IllegalArgumentException(
                "scalars and points differ in length: " + scalars.length + " vs " + points.length);
        }
        for (Scalar s : scalars) {
            Objects.requireNonNull(s, "scalar");
        }
        return scalars;
    }

    private static long[][] limbs(RistrettoPoint[] points) {
        long[][] out = new long[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = Objects.requireNonNull(points[i], "point").ext;
        }
        return out;
    }

    public RistrettoPoint negate() {
        long[] r = new long[PointOps.EXT];
        PointOps.negExt(r, 0, ext, 0);
        return new RistrettoPoint(r);
    }

    public RistrettoPoint doubled() {
        long[] c = new long[PointOps.COMPLETED];
        PointOps.dbl(c, ext, 0);
        long[] r = new long[PointOps.EXT];
        PointOps.completedToExt(r, 0, c);
        return new RistrettoPoint(r);
    }

    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    /** Group equality per RFC 9496 (constant-time in the coordinates). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RistrettoPoint other && RistrettoCodec.equal(ext, other.ext) == 1;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "RistrettoPoint[" + HexFormat.of().formatHex(encode()) + "]";
    }

    private static long[] identityLimbs() {
        long[] p = new long[PointOps.EXT];
        PointOps.identityExt(p, 0);
        return p;
    }

    private static long[] basepointLimbs() {
        long[] p = new long[PointOps.EXT];
        FieldOps.copy(p, PointOps.X, Constants.BASE_X, 0);
        FieldOps.copy(p, PointOps.Y, Constants.BASE_Y, 0);
        FieldOps.one(p, PointOps.Z);
        FieldOps.mul(p, PointOps.T, Constants.BASE_X, 0, Constants.BASE_Y, 0);
        return p;
    }
}
