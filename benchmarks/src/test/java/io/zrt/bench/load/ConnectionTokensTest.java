package io.zrt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConnectionTokensTest {

    @Test
    void hs256MatchesTheRfc7515Example() {
        // RFC 7515, appendix A.1: the JWS signing input, the JWK "k" and the resulting signature.
        byte[] key = Base64.getUrlDecoder().decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        String signingInput = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";

        assertThat(ConnectionTokens.signatureOf(key, signingInput))
                .isEqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    }

    @Test
    void aChannelTokenCarriesTheClaimsAndVerifiesUnderTheSecret() {
        String token = ConnectionTokens.forChannel("s3cret", "load-probe", "personal:abc",
                Instant.ofEpochSecond(1_900_000_000L));
        String[] parts = token.split("\\.");

        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"sub\":\"load-probe\",\"exp\":1900000000,\"channels\":[\"personal:abc\"]}");
        byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
        assertThat(ConnectionTokens.signatureOf(secret, parts[0] + "." + parts[1])).isEqualTo(parts[2]);
        assertThat(ConnectionTokens.signatureOf("other".getBytes(StandardCharsets.UTF_8), parts[0] + "." + parts[1]))
                .isNotEqualTo(parts[2]);
    }

    @Test
    void refusesClaimsThatWouldNeedJsonEscaping() {
        assertThatThrownBy(() -> ConnectionTokens.forChannel("k", "a\"b", "personal:x", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionTokens.forChannel("k", "sub", "personal:x\"],\"admin\":[\"", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
