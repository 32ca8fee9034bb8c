package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.schnorr.Schnorr;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SchnorrVerifierTest {

    private final SecureRandom random = new SecureRandom();

    private Rejection rejection(byte[] key, byte[] digest, byte[] signature) {
        try {
            SchnorrVerifier.INSTANCE.verify(key, digest, signature);
            return null;
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
    }

    @Test
    void acceptsAValidSignatureAndMapsFailuresToTypedRejections() {
        CortadoKeyPair key = CortadoKeyPair.generate(random);
        CortadoKeyPair other = CortadoKeyPair.generate(random);
        byte[] digest = FrameDigests.associatedData(new byte[] {1, 2, 3});
        byte[] signature = Schnorr.sign(digest, key);

        assertThatCode(() -> SchnorrVerifier.INSTANCE.verify(key.publicKey().encode(), digest, signature))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(rejection(other.publicKey().encode(), digest, signature))
                .isEqualTo(Rejection.INVALID_PROOF);
        byte[] otherDigest = digest.clone();
        otherDigest[0] ^= 1;
        org.assertj.core.api.Assertions.assertThat(rejection(key.publicKey().encode(), otherDigest, signature))
                .isEqualTo(Rejection.INVALID_PROOF);
        byte[] badKey = new byte[32];
        badKey[31] = (byte) 0x40; // infinity
        org.assertj.core.api.Assertions.assertThat(rejection(badKey, digest, signature))
                .isEqualTo(Rejection.INVALID_FIELD);
        org.assertj.core.api.Assertions.assertThat(rejection(key.publicKey().encode(), digest, new byte[63]))
                .isEqualTo(Rejection.INVALID_PROOF);
        assertThatThrownBy(() -> SchnorrVerifier.INSTANCE.verify(new byte[5], digest, signature))
                .isInstanceOf(FrameRejectedException.class);
    }
}
