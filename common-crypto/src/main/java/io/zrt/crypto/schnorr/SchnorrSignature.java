package io.zrt.crypto.schnorr;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.cortado.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A decoded Schnorr signature: challenge c and one response sᵢ per key. Encoding: enc(c) ‖ enc(s₁) ‖ … ‖
 * enc(sₙ), 32 bytes each, every value canonical (below r).
 */
public record SchnorrSignature(Scalar challenge, List<Scalar> responses) {

    public SchnorrSignature {
        responses = List.copyOf(responses);
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("a signature covers at least one key");
        }
    }

    public static int encodedLength(int keyCount) {
        return Scalar.ENCODED_LENGTH * (keyCount + 1);
    }

    /** Strict decoding for a signature over exactly {@code keyCount} keys. */
    public static SchnorrSignature decode(byte[] encoded, int keyCount) throws InvalidEncodingException {
        if (keyCount < 1) {
            throw new IllegalArgumentException("key count must be positive");
        }
        if (encoded == null || encoded.length != encodedLength(keyCount)) {
            throw new InvalidEncodingException("signature for " + keyCount + " keys must be "
                    + encodedLength(keyCount) + " bytes");
        }
        Scalar c = Scalar.fromCanonicalBytes(Arrays.copyOfRange(encoded, 0, Scalar.ENCODED_LENGTH));
        List<Scalar> s = new ArrayList<>(keyCount);
        for (int i = 1; i <= keyCount; i++) {
            int from = i * Scalar.ENCODED_LENGTH;
            s.add(Scalar.fromCanonicalBytes(Arrays.copyOfRange(encoded, from, from + Scalar.ENCODED_LENGTH)));
        }
        return new SchnorrSignature(c, s);
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength(responses.size())];
        System.arraycopy(challenge.toBytes(), 0, out, 0, Scalar.ENCODED_LENGTH);
        for (int i = 0; i < responses.size(); i++) {
            System.arraycopy(responses.get(i).toBytes(), 0, out, (i + 1) * Scalar.ENCODED_LENGTH,
                    Scalar.ENCODED_LENGTH);
        }
        return out;
    }
}
