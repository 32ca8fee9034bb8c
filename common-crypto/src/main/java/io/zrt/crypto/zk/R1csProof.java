package io.zrt.crypto.zk;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.ristretto.RistrettoDecodingException;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Bulletproofs R1CS proof. Encoding (32 bytes per element, RFC 9496 points and canonical scalars):
 * A_I ‖ A_O ‖ S ‖ T₁ ‖ T₃ ‖ T₄ ‖ T₅ ‖ T₆ ‖ t̂ ‖ τ_x ‖ e ‖ (L₁ ‖ R₁) ‖ … ‖ (L_k ‖ R_k) ‖ a ‖ b,
 * i.e. 32·(13 + 2k) bytes for a circuit of 2^k padded gates. Decoding is strict: exact length, canonical
 * encodings only. Whether k matches the verifier's circuit is checked at verification.
 */
public record R1csProof(RistrettoPoint aI, RistrettoPoint aO, RistrettoPoint s, RistrettoPoint t1,
        RistrettoPoint t3, RistrettoPoint t4, RistrettoPoint t5, RistrettoPoint t6, Scalar tHat, Scalar tauX,
        Scalar e, InnerProductProof innerProduct) {

    private static final int ELEMENT = 32;
    private static final int FIXED_ELEMENTS = 13;

    public R1csProof {
        Objects.requireNonNull(aI);
        Objects.requireNonNull(aO);
        Objects.requireNonNull(s);
        Objects.requireNonNull(t1);
        Objects.requireNonNull(t3);
        Objects.requireNonNull(t4);
        Objects.requireNonNull(t5);
        Objects.requireNonNull(t6);
        Objects.requireNonNull(tHat);
        Objects.requireNonNull(tauX);
        Objects.requireNonNull(e);
        Objects.requireNonNull(innerProduct);
    }

    /** Encoded length of a proof for a circuit with the given number of multiplication gates. */
    public static int encodedLength(int gates) {
        int rounds = Integer.numberOfTrailingZeros(R1csProofProtocol.paddedSize(gates));
        return ELEMENT * (FIXED_ELEMENTS + 2 * rounds);
    }

    public byte[] encode() {
        int rounds = innerProduct.rounds();
        byte[] out = new byte[ELEMENT * (FIXED_ELEMENTS + 2 * rounds)];
        int at = 0;
        for (RistrettoPoint p : new RistrettoPoint[] {aI, aO, s, t1, t3, t4, t5, t6}) {
            at = put(out, at, p.encode());
        }
        at = put(out, at, tHat.toBytes());
        at = put(out, at, tauX.toBytes());
        at = put(out, at, e.toBytes());
        for (int k = 0; k < rounds; k++) {
            at = put(out, at, innerProduct.left().get(k).encode());
            at = put(out, at, innerProduct.right().get(k).encode());
        }
        at = put(out, at, innerProduct.a().toBytes());
        put(out, at, innerProduct.b().toBytes());
        return out;
    }

    /** Strict decoding; every malformed input yields {@link InvalidEncodingException}. */
    public static R1csProof decode(byte[] encoded) throws InvalidEncodingException {
        if (encoded == null || encoded.length % ELEMENT != 0) {
            throw new InvalidEncodingException("proof length is not a multiple of 32 bytes");
        }
        int elements = encoded.length / ELEMENT;
        int rest = elements - FIXED_ELEMENTS;
        if (rest < 0 || rest % 2 != 0 || rest / 2 > R1csProofProtocol.MAX_LOG_GATES) {
            throw new InvalidEncodingException("proof length does not match any circuit size");
        }
        int rounds = rest / 2;
        RistrettoPoint[] fixed = new RistrettoPoint[8];
        for (int i = 0; i < 8; i++) {
            fixed[i] = point(encoded, i);
        }
        Scalar tHat = scalar(encoded, 8);
        Scalar tauX = scalar(encoded, 9);
        Scalar e = scalar(encoded, 10);
        List<RistrettoPoint> ls = new ArrayList<>(rounds);
        List<RistrettoPoint> rs = new ArrayList<>(rounds);
        for (int k = 0; k < rounds; k++) {
            ls.add(point(encoded, 11 + 2 * k));
            rs.add(point(encoded, 12 + 2 * k));
        }
        Scalar a = scalar(encoded, 11 + 2 * rounds);
        Scalar b = scalar(encoded, 12 + 2 * rounds);
        return new R1csProof(fixed[0], fixed[1], fixed[2], fixed[3], fixed[4], fixed[5], fixed[6], fixed[7],
                tHat, tauX, e, new InnerProductProof(ls, rs, a, b));
    }

    private static int put(byte[] out, int at, byte[] element) {
        System.arraycopy(element, 0, out, at, ELEMENT);
        return at + ELEMENT;
    }

    private static byte[] element(byte[] encoded, int index) {
        return java.util.Arrays.copyOfRange(encoded, index * ELEMENT, (index + 1) * ELEMENT);
    }

    private static RistrettoPoint point(byte[] encoded, int index) throws InvalidEncodingException {
        try {
            return RistrettoPoint.decode(element(encoded, index));
        } catch (RistrettoDecodingException ex) {
            throw new InvalidEncodingException("proof element " + index + " is not a canonical point");
        }
    }

    private static Scalar scalar(byte[] encoded, int index) throws InvalidEncodingException {
        try {
            return Scalar.fromCanonicalBytes(element(encoded, index));
        } catch (RistrettoDecodingException ex) {
            throw new InvalidEncodingException("proof element " + index + " is not a canonical scalar");
        }
    }
}
