package io.zrt.testkit.centrifugo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentrifugoConfigTest {

    @Test
    void defaultsEnableTheTestkitEssentials() {
        CentrifugoConfig config = CentrifugoConfig.defaults();
        ObjectNode json = config.render("127.0.0.1", 1234, null);
        assertThat(json.at("/http_server/port").asInt()).isEqualTo(1234);
        assertThat(json.at("/http_api/key").asText()).isEqualTo(config.apiKey());
        assertThat(json.at("/client/token/hmac_secret_key").asText()).isEqualTo(config.tokenSecret());
        assertThat(json.at("/uni_sse/enabled").asBoolean()).isTrue();
        assertThat(json.at("/channel/namespaces/0/name").asText()).isEqualTo("personal");
        assertThat(json.has("consumers")).isFalse();
        assertThat(CentrifugoConfig.defaults().apiKey()).isNotEqualTo(config.apiKey());
    }

    @Test
    void jetStreamConsumerUsesPublicationDataMode() {
        ObjectNode json = CentrifugoConfig.defaults()
                .withNatsJetStreamConsumer("nats://ignored:1", "EVENTS", "events.>")
                .render("127.0.0.1", 1, "nats://127.0.0.1:4222");
        JsonNode consumer = json.at("/consumers/0");
        assertThat(consumer.get("type").asText()).isEqualTo("nats_jetstream");
        assertThat(consumer.at("/nats_jetstream/url").asText()).isEqualTo("nats://127.0.0.1:4222");
        assertThat(consumer.at("/nats_jetstream/stream_name").asText()).isEqualTo("EVENTS");
        assertThat(consumer.at("/nats_jetstream/subjects/0").asText()).isEqualTo("events.>");
        assertThat(consumer.at("/nats_jetstream/publication_data_mode/enabled").asBoolean()).isTrue();
    }

    @Test
    void overridesAndBaseFileAreMergedWithTheEssentialsWinningOverTheBase(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("infra.json");
        Files.writeString(base, "{\"http_server\":{\"port\":8000,\"internal_port\":\"9000\"},\"channel\":{\"namespaces\":[{\"name\":\"team\"}]},"
                + "\"log\":{\"level\":\"debug\"}}");
        ObjectNode json = CentrifugoConfig.defaults().withBaseConfig(base)
                .withSetting("log.level", "error")
                .withSetting("channel.namespaces", List.of(Map.of("name", "personal", "history_size", 5)))
                .withMerged("{\"uni_sse\":{\"max_request_body_size\":1024}}")
                .render("127.0.0.1", 4321, null);
        assertThat(json.at("/http_server/port").asInt()).isEqualTo(4321);
        // health, metrics and the API stay on the one port the testkit waits on, whatever the base says
        assertThat(json.at("/http_server/internal_port").asText()).isEmpty();
        assertThat(json.at("/log/level").asText()).isEqualTo("error");
        assertThat(json.at("/channel/namespaces").size()).isEqualTo(1);
        assertThat(json.at("/channel/namespaces/0/history_size").asInt()).isEqualTo(5);
        assertThat(json.at("/uni_sse/enabled").asBoolean()).isTrue();
        assertThat(json.at("/uni_sse/max_request_body_size").asInt()).isEqualTo(1024);
    }

    @Test
    void rejectsNonObjectPatches() {
        assertThatThrownBy(() -> CentrifugoConfig.defaults().withMerged("[1,2]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CentrifugoConfig.defaults().withMerged("{broken"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
