package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;

/** The proof engine's use of a Merlin transcript: labelled points, scalars, sizes and challenge scalars. */
final class ProofTranscript {

    private final Transcript transcript;

    ProofTranscript(Transcript transcript) {
        this.transcript = transcript;
    }

    void domainSeparator(String label) {
        transcript.appendMessage("dom-sep", label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void appendSize(String label, long value) {
        transcript.appendU64(label, value);
    }

    void appendPoint(String label, RistrettoPoint point) {
        transcript.appendMessage(label, point.encode());
    }

    void appendScalar(String label, Scalar scalar) {
        transcript.appendMessage(label, scalar.toBytes());
    }

    /** 64 challenge bytes read little-endian and reduced modulo ℓ (PROTOCOL.md section 3). */
    Scalar challenge(String label) {
        return Scalar.fromWideBytes(transcript.challengeBytes(label, 64));
    }
}
