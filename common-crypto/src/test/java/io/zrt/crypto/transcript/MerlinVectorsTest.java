package io.zrt.crypto.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.Hex;
import io.zrt.crypto.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MerlinVectorsTest {

    @Test
    void protocolConformanceVector() {
        Transcript t = Transcript.create("test protocol");
        t.appendMessage("some label", "some data".getBytes(StandardCharsets.US_ASCII));
        assertThat(Hex.encode(t.challengeBytes("challenge", 32)))
                .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
    }

    @Test
    void everyCaseOfMerlinJson() {
        JsonNode cases = Vectors.load("merlin.json").get("cases");
        int challenges = 0;
        for (JsonNode c : cases) {
            Transcript t = Transcript.create(c.get("label").asString());
            for (JsonNode op : c.get("ops")) {
                if (op.has("append")) {
                    JsonNode a = op.get("append");
                    t.appendMessage(a.get("label").asString(), Vectors.hex(a.get("message_hex")));
                } else {
                    JsonNode ch = op.get("challenge");
                    byte[] out = t.challengeBytes(ch.get("label").asString(), ch.get("length").asInt());
                    assertThat(Hex.encode(out)).isEqualTo(ch.get("expected_hex").asString());
                    challenges++;
                }
            }
        }
        assertThat(challenges).isGreaterThanOrEqualTo(cases.size() - 1);
    }
}
