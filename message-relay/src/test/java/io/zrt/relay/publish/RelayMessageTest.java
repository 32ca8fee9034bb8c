package io.zrt.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.relay.state.StoredFrame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RelayMessageTest {

    @Test
    void carriesSubjectHeadersAndAJsonBodyWithTheUnchangedFrameBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i; // every byte value, including those that need escaping in text
        }
        String group = "0f8fad5b-d9cb-469f-a165-70867728950e";
        RelayMessage message = RelayMessage.of(new StoredFrame("id", group, 42, 3, bytes, Instant.now(), false),
                "events", "personal");

        assertThat(message.subject()).isEqualTo("events.personal." + group);
        String id = group + ":42:" + io.zrt.protocol.rules.PushMessageId.digest(bytes);
        assertThat(message.headers()).containsEntry("Nats-Msg-Id", id)
                .containsEntry("centrifugo-channels", "personal:" + group)
                .containsEntry("centrifugo-idempotency-key", id).hasSize(3);
        JsonNode body = JsonMapper.builder().build().readTree(new String(message.body(), StandardCharsets.UTF_8));
        assertThat(body.properties()).hasSize(3);
        assertThat(body.get("seq").asLong()).isEqualTo(42);
        assertThat(body.get("epoch").asLong()).isEqualTo(3);
        assertThat(Base64.getDecoder().decode(body.get("frame").asString())).isEqualTo(bytes);
    }

    @Test
    void theIdCoversTheFrameSoADifferentFrameAtTheSameSeqHasAnotherId() {
        String group = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Instant now = Instant.now();
        RelayMessage original = RelayMessage.of(new StoredFrame("a", group, 292, 1, new byte[] {1}, now, false),
                "events", "personal");
        RelayMessage again = RelayMessage.of(new StoredFrame("b", group, 292, 1, new byte[] {1}, now.plusSeconds(9),
                true), "events", "personal");
        RelayMessage reused = RelayMessage.of(new StoredFrame("a", group, 292, 1, new byte[] {2}, now, false),
                "events", "personal");
        assertThat(again.headers().get(RelayMessage.MSG_ID)).isEqualTo(original.headers().get(RelayMessage.MSG_ID));
        assertThat(reused.headers().get(RelayMessage.MSG_ID)).isNotEqualTo(original.headers().get(RelayMessage.MSG_ID))
                .startsWith(group + ":292:");
    }
}
