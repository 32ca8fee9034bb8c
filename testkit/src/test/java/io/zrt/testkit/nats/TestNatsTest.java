package io.zrt.testkit.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestNatsTest {

    @Test
    void jetStreamPublishAndDurableConsumerRoundTrip() throws Exception {
        String stream = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String subject = "roundtrip." + stream;
        try (Connection connection = Nats.connect(TestNats.url())) {
            JetStreamManagement management = connection.jetStreamManagement();
            management.addStream(StreamConfiguration.builder().name(stream).subjects(subject)
                    .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
            JetStream jetStream = connection.jetStream();

            PublishAck first = jetStream.publish(message(subject, "one", stream + "-1"));
            PublishAck duplicate = jetStream.publish(message(subject, "one again", stream + "-1"));
            assertThat(first.getSeqno()).isEqualTo(1);
            assertThat(duplicate.isDuplicate()).as("same Nats-Msg-Id inside the window is dropped").isTrue();

            PullSubscribeOptions durable = PullSubscribeOptions.builder()
                    .configuration(ConsumerConfiguration.builder().durable("worker").build()).build();
            JetStreamSubscription subscription = jetStream.subscribe(subject, durable);
            List<Message> batch = subscription.fetch(10, Duration.ofSeconds(2));
            assertThat(batch).extracting(m -> new String(m.getData(), StandardCharsets.UTF_8)).containsExactly("one");
            batch.forEach(Message::ack);
            subscription.unsubscribe();

            jetStream.publish(message(subject, "two", stream + "-2"));
            // The durable consumer remembers what was acknowledged: only the new message arrives.
            JetStreamSubscription again = jetStream.subscribe(subject, PullSubscribeOptions.bind(stream, "worker"));
            List<Message> next = again.fetch(10, Duration.ofSeconds(2));
            assertThat(next).extracting(m -> new String(m.getData(), StandardCharsets.UTF_8)).containsExactly("two");
            next.forEach(Message::ack);
            management.deleteStream(stream);
        }
    }

    @Test
    void endpointNamesItsSource() {
        assertThat(TestNats.endpoint().source()).isNotBlank();
        assertThat(TestNats.url()).startsWith("nats://");
    }

    private static NatsMessage message(String subject, String body, String messageId) {
        Headers headers = new Headers().add("Nats-Msg-Id", messageId);
        return NatsMessage.builder().subject(subject).headers(headers).data(body, StandardCharsets.UTF_8).build();
    }
}
