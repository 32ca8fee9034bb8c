package io.zrt.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.zrt.relay.support.Hs256Token;
import io.zrt.relay.support.RelayTestEnv;
import io.zrt.relay.support.TestFrames;
import io.zrt.testkit.centrifugo.CentrifugoConfig;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Centrifugo started from {@code infra/centrifugo/config.json} (only the NATS address and the secrets come from
 * the environment, as in production) delivers a relayed frame to a {@code uni_sse} client holding the kind of
 * connection token the Node issues.
 */
class CentrifugoDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path INFRA_CONFIG = Path.of("..", "infra", "centrifugo", "config.json");

    @Test
    void aRelayedFrameReachesAUniSseClientAsTheDesignedJson() throws Exception {
        try (RelayTestEnv env = new RelayTestEnv()) {
            // this test owns the production stream name and subjects on the shared NATS server
            ConfigurableApplicationContext relay = env.startRelay("a", false,
                    Map.of("zrt.relay.nats.stream", "EVENTS", "zrt.relay.nats.subject-prefix", "events"));
            try (Connection nats = Nats.connect(env.natsUrl)) {
                await(() -> exists(nats, "EVENTS", null));
                String tokenSecret = randomSecret();
                CentrifugoConfig config = CentrifugoConfig.defaults()
                        .withBaseConfig(INFRA_CONFIG)
                        .withTokenSecret("file-value-overridden-by-the-environment-" + randomSecret())
                        .withEnvironment("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", tokenSecret)
                        .withEnvironment("CENTRIFUGO_CONSUMERS_EVENTS_NATS_JETSTREAM_URL", env.natsUrl);
                try (CentrifugoServer centrifugo = TestCentrifugo.start(config)) {
                    // deliver_policy is "new": publish only once Centrifugo's durable consumer exists
                    await(() -> exists(nats, "EVENTS", "centrifugo"));
                    String group = TestFrames.newGroup();
                    String token = Hs256Token.issue(tokenSecret, "member", List.of("personal:" + group),
                            Duration.ofMinutes(5));
                    BlockingQueue<JsonNode> pushes = openUniSse(centrifugo.uniSseUrl(token));
                    JsonNode connect = pushes.poll(15, TimeUnit.SECONDS);
                    assertThat(connect).as("connect push").isNotNull();
                    assertThat(connect.has("connect")).as(connect.toString()).isTrue();

                    Document first = TestFrames.document(group, 0, 4);
                    env.frames().insertOne(first);
                    TestFrames.insert(env.frames(), group, 1);

                    List<JsonNode> publications = new ArrayList<>();
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (publications.size() < 2 && System.nanoTime() < deadline) {
                        JsonNode push = pushes.poll(200, TimeUnit.MILLISECONDS);
                        if (push != null && push.has("pub")) {
                            assertThat(push.get("channel").asString()).isEqualTo("personal:" + group);
                            publications.add(push.get("pub").get("data"));
                        }
                    }
                    assertThat(publications).hasSize(2);
                    JsonNode data = publications.get(0);
                    assertThat(data.properties()).hasSize(3);
                    assertThat(data.get("seq").asLong()).isZero();
                    assertThat(data.get("epoch").asLong()).isEqualTo(4);
                    assertThat(Base64.getDecoder().decode(data.get("frame").asString()))
                            .isEqualTo(first.get("spFrame", Binary.class).getData());
                    assertThat(publications.get(1).get("seq").asLong()).isEqualTo(1);
                }
            } finally {
                relay.close();
            }
        }
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
        CentrifugoConfig config = CentrifugoConfig.defaults().withBaseConfig(INFRA_CONFIG)
                .withEnvironment("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", randomSecret())
                .withEnvironment("CENTRIFUGO_CONSUMERS_EVENTS_ENABLED", "false");
        try (CentrifugoServer centrifugo = TestCentrifugo.start(config)) {
            String forged = Hs256Token.issue(randomSecret(), "member", List.of("personal:x"), Duration.ofMinutes(5));
            BlockingQueue<JsonNode> pushes = openUniSse(centrifugo.uniSseUrl(forged));
            JsonNode first = pushes.poll(3, TimeUnit.SECONDS);
            assertThat(first == null || !first.has("connect")).as("no connect push for a forged token").isTrue();
        }
    }

    private static BlockingQueue<JsonNode> openUniSse(String url) {
        BlockingQueue<JsonNode> pushes = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofLines());
                response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> pushes.add(JSON.readTree(line.substring(5).trim())));
            } catch (Exception e) {
                // connection closed (test over, or refused)
            }
        }, "uni-sse");
        reader.setDaemon(true);
        reader.start();
        return pushes;
    }

    private static boolean exists(Connection nats, String stream, String consumer) throws Exception {
        try {
            if (consumer == null) {
                nats.jetStreamManagement().getStreamInfo(stream);
            } else {
                nats.jetStreamManagement().getConsumerInfo(stream, consumer);
            }
            return true;
        } catch (JetStreamApiException e) {
            return false;
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
