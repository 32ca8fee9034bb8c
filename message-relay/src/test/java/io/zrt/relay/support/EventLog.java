package io.zrt.relay.support;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.AckPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads everything in a JetStream stream, in stream order, as a consumer (Centrifugo, say) would see it after
 * de-duplication.
 */
public final class EventLog implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One message as consumed. */
    public record Event(String subject, String msgId, String channels, String idempotencyKey, String groupId,
            long seq, long epoch, byte[] spFrame, long streamSeq) {

        /** {@code <groupId>:<seq>}, the frame's position. */
        public String key() {
            return groupId + ":" + seq;
        }
    }

    private final Connection connection;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final JetStreamSubscription subscription;
    private final Thread reader;
    private volatile boolean running = true;

    public EventLog(String natsUrl, String stream, String subjects) throws Exception {
        connection = Nats.connect(natsUrl);
        ConsumerConfiguration consumer = ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All)
                .ackPolicy(AckPolicy.None).build();
        subscription = connection.jetStream().subscribe(subjects,
                PushSubscribeOptions.builder().stream(stream).ordered(true).configuration(consumer).build());
        reader = new Thread(this::read, "event-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            try {
                Message message = subscription.nextMessage(Duration.ofMillis(200));
                if (message != null) {
                    events.add(parse(message));
                }
            } catch (InterruptedException e) {
                return;
            } catch (IllegalStateException e) {
                return; // closed
            }
        }
    }

    static Event parse(Message message) {
        JsonNode body = JSON.readTree(message.getData());
        String groupId = message.getSubject().substring(message.getSubject().lastIndexOf('.') + 1);
        return new Event(message.getSubject(), message.getHeaders().getFirst("Nats-Msg-Id"),
                message.getHeaders().getFirst("centrifugo-channels"),
                message.getHeaders().getFirst("centrifugo-idempotency-key"), groupId, body.get("seq").asLong(),
                body.get("epoch").asLong(), java.util.Base64.getDecoder().decode(body.get("frame").asString()),
                message.metaData().streamSequence());
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public int size() {
        return events.size();
    }

    /** Waits until at least {@code count} events arrived; returns them. */
    public List<Event> awaitAtLeast(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return events();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(2000);
        connection.close();
    }
}
