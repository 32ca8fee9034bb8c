package io.zrt.crypto.zk.branch;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.zk.R1csProof;
import java.util.Arrays;
import java.util.Objects;

/**
 * A branch proof: a version byte (1) followed by the R1CS proof of {@link BranchCircuit}. Decoding is strict
 * (version, length, canonical points and scalars); whether the proof's size fits the verifier's depth is
 * checked against the verifier's own statement.
 */
public record BranchProof(R1csProof r1cs) {

    static final int VERSION = 1;

    public BranchProof {
        Objects.requireNonNull(r1cs, "r1cs");
    }

    /** Encoded length of a proof for a branch of depth d. */
    public static int encodedLength(int depth) {
        return 1 + R1csProof.encodedLength(BranchCircuit.gateCount(depth));
    }

    public byte[] encode() {
        byte[] inner = r1cs.encode();
        byte[] out = new byte[1 + inner.length];
        out[0] = (byte) VERSION;
        System.arraycopy(inner, 0, out, 1, inner.length);
        return out;
    }

    /** Strict decoding; every malformed input yields {@link InvalidEncodingException}. */
    public static BranchProof decode(byte[] encoded) throws InvalidEncodingException {
        if (encoded == null || encoded.length < 1) {
            throw new InvalidEncodingException("empty branch proof");
        }
        if ((encoded[0] & 0xff) != VERSION) {
            throw new InvalidEncodingException("unknown branch proof version " + (encoded[0] & 0xff));
        }
        return new BranchProof(R1csProof.decode(Arrays.copyOfRange(encoded, 1, encoded.length)));
    }

    /** Decodes and requires the exact length of a depth-d proof. */
    public static BranchProof decode(byte[] encoded, int depth) throws InvalidEncodingException {
        if (encoded == null || encoded.length != encodedLength(depth)) {
            throw new InvalidEncodingException("a branch proof of depth " + depth + " has "
                    + encodedLength(depth) + " bytes");
        }
        return decode(encoded);
    }
}
