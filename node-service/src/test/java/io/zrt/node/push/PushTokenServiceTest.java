package io.zrt.node.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared HS256 secret (ZRT_PUSH_HMAC_SECRET): empty switches push off, too short refuses to start. */
class PushTokenServiceTest {

    private static PushTokenService service(String secret) {
        return new PushTokenService(null, null, secret, Duration.ofMinutes(10), "personal", Clock.systemUTC(),
                new SecureRandom(), map -> "{}");
    }

    @Test
    void anEmptySecretDisablesPushTokens() {
        PushTokenService off = service("");
        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.issue(List.of())).isInstanceOf(PushTokenService.PushDisabledException.class);
        assertThat(service(null).enabled()).isFalse();
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedWithoutRevealingIt() {
        String tooShort = "only-31-bytes-of-secret-0123456";
        assertThat(tooShort).hasSize(31);
        assertThatThrownBy(() -> service(tooShort)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZRT_PUSH_HMAC_SECRET").hasMessageNotContaining(tooShort);
        assertThat(service(tooShort + "7").enabled()).isTrue();
        // Bytes, not characters: 16 two-byte characters are 32 bytes of UTF-8.
        assertThat(service("é".repeat(16)).enabled()).isTrue();
    }
}
