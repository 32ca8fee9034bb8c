package io.zrt.testkit.centrifugo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.zrt.testkit.SseLines;
import io.zrt.testkit.nats.TestNats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole delivery path the relay relies on: JetStream message → Centrifugo consumer → uni_sse client. */
class CentrifugoJetStreamTest {

    @Test
    void jetStreamMessageInPublicationDataModeReachesTheSubscribedClient() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String stream = "EVENTS_" + suffix;
        String subjectPrefix = "events" + suffix;
        String natsUrl = TestNats.url();
        try (Connection nats = Nats.connect(natsUrl)) {
            nats.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream)
                    .subjects(subjectPrefix + ".>").storageType(StorageType.File).build());
            CentrifugoConfig config = CentrifugoConfig.defaults()
                    .withNatsJetStreamConsumer(natsUrl, stream, subjectPrefix + ".>");
            try (CentrifugoServer server = TestCentrifugo.start(config)) {
                String channel = "personal:group-" + suffix;
                String token = server.connectionToken("member", List.of(channel), Duration.ofMinutes(5));
                try (SseLines sse = new SseLines(server.uniSseUrl(token))) {
                    assertThat(sse.await(line -> line.contains("\"connect\""), Duration.ofSeconds(10))).isNotNull();
                    Headers headers = new Headers()
                            .add("Nats-Msg-Id", "group-" + suffix + ":1")
                            .add("centrifugo-channels", channel)
                            .add("centrifugo-idempotency-key", "group-" + suffix + ":1");
                    nats.jetStream().publish(NatsMessage.builder().subject(subjectPrefix + ".personal.group-" + suffix)
                            .headers(headers).data("{\"seq\":1,\"epoch\":0,\"frame\":\"AAE=\"}", StandardCharsets.UTF_8)
                            .build());
                    String line = sse.await(l -> l.contains("\"frame\":\"AAE=\""), Duration.ofSeconds(15));
                    assertThat(line).as("publication from JetStream").isNotNull().contains(channel);
                }
            }
            nats.jetStreamManagement().deleteStream(stream);
        }
    }
}
