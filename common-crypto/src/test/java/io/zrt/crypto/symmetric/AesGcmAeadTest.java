package io.zrt.crypto.symmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.DecryptionException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.cortado.Scalar;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AesGcmAeadTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] AAD = "aad".getBytes(StandardCharsets.US_ASCII);

    @Test
    void roundTripAndLayout() throws Exception {
        Aead aead = AesGcmAead.create(randomKey());
        byte[] plaintext = "hello group".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = aead.encrypt(plaintext, AAD);
        assertThat(ciphertext).hasSize(AesGcmAead.NONCE_LENGTH + plaintext.length + AesGcmAead.TAG_LENGTH);
        assertThat(aead.decrypt(ciphertext, AAD)).isEqualTo(plaintext);
        assertThat(aead.decrypt(aead.encrypt(new byte[0], AAD), AAD)).isEmpty();
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        Aead aead = AesGcmAead.create(randomKey());
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] ct = aead.encrypt(new byte[16], AAD);
            nonces.add(Arrays.toString(Arrays.copyOf(ct, AesGcmAead.NONCE_LENGTH)));
        }
        assertThat(nonces).hasSize(1000);
    }

    @Test
    void alterationsWrongAadWrongKeyAndShortInputFailWithTypedException() {
        SecretBytes key = randomKey();
        Aead aead = AesGcmAead.create(key);
        byte[] ct = aead.encrypt("secret".getBytes(StandardCharsets.UTF_8), AAD);
        for (int i = 0; i < ct.length; i++) {
            byte[] altered = ct.clone();
            altered[i] ^= 1;
            assertThatThrownBy(() -> aead.decrypt(altered, AAD)).isInstanceOf(DecryptionException.class);
        }
        assertThatThrownBy(() -> aead.decrypt(ct, "other".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> AesGcmAead.create(randomKey()).decrypt(ct, AAD))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> aead.decrypt(Arrays.copyOf(ct, AesGcmAead.OVERHEAD - 1), AAD))
                .isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> aead.decrypt(Arrays.copyOf(ct, ct.length - 1), AAD))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void frameAeadFromStageKeyInteroperatesAndIsKeyedPerEpoch() throws Exception {
        SecretBytes stage0 = KeySchedule.nextStageKey(KeySchedule.initialStageKey(),
                Scalar.of(42));
        SecretBytes stage1 = KeySchedule.nextStageKey(stage0, Scalar.of(43));
        byte[] ct = KeySchedule.frameAead(stage0).encrypt(new byte[] {1, 2, 3}, AAD);
        assertThat(KeySchedule.frameAead(stage0).decrypt(ct, AAD)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> KeySchedule.frameAead(stage1).decrypt(ct, AAD))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void rejectsWrongKeyLengthAndRedactsToString() {
        assertThatThrownBy(() -> AesGcmAead.create(SecretBytes.copyOf(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AesGcmAead.create(randomKey()).toString()).doesNotContainPattern("[0-9a-f]{8}");
    }

    private static SecretBytes randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SecretBytes.copyOf(key);
    }
}
