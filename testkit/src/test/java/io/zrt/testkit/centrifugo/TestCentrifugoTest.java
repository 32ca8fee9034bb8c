package io.zrt.testkit.centrifugo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.testkit.SseLines;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestCentrifugoTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void serverApiPublishReachesAUniSseClient() throws Exception {
        CentrifugoServer server = TestCentrifugo.shared();
        String channel = "personal:" + UUID.randomUUID();
        String token = server.connectionToken("user-1", List.of(channel), Duration.ofMinutes(5));
        try (SseLines sse = new SseLines(server.uniSseUrl(token))) {
            assertThat(sse.await(line -> line.contains("\"connect\""), WAIT)).as("connect reply").isNotNull();
            String reply = server.publish(channel, "{\"seq\":7,\"marker\":\"hello-sse\"}");
            assertThat(reply).contains("result");
            String publication = sse.await(line -> line.contains("hello-sse"), WAIT);
            assertThat(publication).as("publication over uni_sse").isNotNull().contains(channel).contains("\"seq\":7");
        }
    }

    @Test
    void wrongApiKeyIsRejected() {
        CentrifugoServer server = TestCentrifugo.shared();
        CentrifugoServer impostor = new CentrifugoServer(server.url(), "not-the-key", server.tokenSecret(), "test",
                () -> { });
        assertThatThrownBy(() -> impostor.publish("personal:x", "{}")).isInstanceOf(IOException.class)
                .hasMessageContaining("401");
    }

    @Test
    void tokenSignedWithAnotherSecretGetsNoPublications() throws Exception {
        CentrifugoServer server = TestCentrifugo.shared();
        CentrifugoServer forger = new CentrifugoServer(server.url(), server.apiKey(), "another-secret", "test",
                () -> { });
        String channel = "personal:" + UUID.randomUUID();
        String forged = forger.connectionToken("mallory", List.of(channel), Duration.ofMinutes(5));
        try (SseLines sse = new SseLines(server.uniSseUrl(forged))) {
            server.publish(channel, "{\"marker\":\"secret-stuff\"}");
            assertThat(sse.await(line -> line.contains("secret-stuff"), Duration.ofSeconds(2))).isNull();
            assertThat(sse.await(line -> line.contains("\"connect\""), Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void secretsStayOutOfToString() {
        CentrifugoServer server = TestCentrifugo.shared();
        assertThat(server.toString()).doesNotContain(server.apiKey()).doesNotContain(server.tokenSecret());
    }
}
