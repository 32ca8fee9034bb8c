package io.zrt.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Fp;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.symmetric.AesGcmAead;
import io.zrt.crypto.symmetric.KeySchedule;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretsDoNotLeakTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void toStringOfSecretTypesRevealsNoSecretMaterial() {
        CortadoKeyPair key = CortadoKeyPair.generate(RANDOM);
        String secretHex = Hex.encode(key.secretKey().toBytes());
        String secretDecimal = key.secretKey().toBigInteger().toString();
        assertThat(key.toString()).doesNotContain(secretHex).doesNotContain(secretDecimal)
                .contains(Hex.encode(key.publicKey().encode()));
        assertThat(key.secretKey().toString()).doesNotContain(secretHex).doesNotContain(secretDecimal);
        assertThat(Fp.of(key.secretKey().toBigInteger()).toString()).doesNotContain(secretDecimal);

        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        SecretBytes secret = SecretBytes.copyOf(raw);
        assertThat(secret.toString()).doesNotContain(Hex.encode(raw)).contains("redacted");
        SecretBytes stage = KeySchedule.nextStageKey(KeySchedule.initialStageKey(), Scalar.of(7));
        assertThat(stage.toString()).doesNotContain(Hex.encode(stage.toByteArray()));
        assertThat(AesGcmAead.create(secret).toString()).doesNotContain(Hex.encode(raw));
    }

    @Test
    void secretBytesCopiesComparesAndWipes() {
        byte[] raw = {1, 2, 3, 4};
        SecretBytes secret = SecretBytes.copyOf(raw);
        raw[0] = 9; // the holder owns its own copy
        assertThat(secret.toByteArray()).containsExactly(1, 2, 3, 4);
        secret.toByteArray()[1] = 9; // and hands out copies
        assertThat(secret.toByteArray()).containsExactly(1, 2, 3, 4);
        assertThat(secret.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2, 3, 4}))).isTrue();
        assertThat(secret.equalsSecret(SecretBytes.copyOf(new byte[] {1, 2, 3, 5}))).isFalse();
        assertThat(secret).isNotEqualTo(SecretBytes.copyOf(new byte[] {1, 2, 3, 4}));
        secret.wipe();
        assertThat(secret.isWiped()).isTrue();
        assertThatThrownBy(secret::toByteArray).isInstanceOf(IllegalStateException.class);
    }
}
