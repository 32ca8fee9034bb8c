package io.zrt.bench.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.zrt.testkit.mongo.TestMongo;
import io.zrt.testkit.nats.TestNats;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * MongoDB and NATS from the testkit, the relay as a child process of the packaged {@code message-relay.jar}
 * (system property {@code zrt.relay.jar}, default {@code message-relay/target/message-relay.jar}), and a
 * JetStream consumer that records when each frame arrives.
 */
final class RelayBenchInfra implements AutoCloseable {

    static final int GROUPS = 100;
    private static final byte[] SP_FRAME = new byte[300]; // a typical small chat frame

    final String natsUrl = TestNats.url();
    final String stream = "BENCH_" + UUID.randomUUID().toString().substring(0, 8);
    final String prefix = "bench" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> groups = new ArrayList<>();
    final long[] nextSeq = new long[GROUPS];
    final AtomicLong received = new AtomicLong();
    final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final MongoClient mongo = MongoClients.create(TestMongo.uri());
    final MongoCollection<Document> frames;
    final Connection nats;
    private final Process relay;
    private final int port;
    private final JetStreamSubscription subscription;
    private final Thread reader;
    private volatile boolean running = true;

    RelayBenchInfra(boolean startRelay) throws Exception {
        String database = TestMongo.uniqueDatabaseName("bench");
        frames = mongo.getDatabase(database).getCollection("frames");
        for (int i = 0; i < GROUPS; i++) {
            groups.add(UUID.randomUUID().toString());
        }
        nats = Nats.connect(natsUrl);
        port = freePort();
        if (startRelay) {
            relay = startRelay(database);
            awaitStream();
        } else {
            relay = null;
            nats.jetStreamManagement().addStream(io.nats.client.api.StreamConfiguration.builder().name(stream)
                    .subjects(prefix + ".>").storageType(io.nats.client.api.StorageType.File)
                    .duplicateWindow(Duration.ofMinutes(2)).build());
        }
        subscription = nats.jetStream().subscribe(prefix + ".>", PushSubscribeOptions.builder().stream(stream)
                .ordered(true).configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.New)
                        .ackPolicy(AckPolicy.None).build()).build());
        reader = new Thread(this::read, "bench-consumer");
        reader.setDaemon(true);
        reader.start();
    }

    private Process startRelay(String database) throws IOException {
        Path jar = Path.of(System.getProperty("zrt.relay.jar", "message-relay/target/message-relay.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the relay first (./mvnw -pl message-relay -am package): " + jar);
        }
        Path log = Files.createTempFile("relay-bench", ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(),
                "--spring.mongodb.uri=" + TestMongo.uri(), "--zrt.relay.mongo.database=" + database,
                "--zrt.relay.nats.url=" + natsUrl, "--zrt.relay.nats.stream=" + stream,
                "--zrt.relay.nats.subject-prefix=" + prefix, "--server.port=" + port,
                "--zrt.relay.lease.ttl=5s", "--spring.main.banner-mode=off");
        System.out.println("relay log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitStream() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                nats.jetStreamManagement().getStreamInfo(stream);
                awaitLeader(deadline);
                return;
            } catch (JetStreamApiException e) {
                if (System.nanoTime() > deadline || !relay.isAlive()) {
                    throw new IllegalStateException("relay did not start", e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until the relay reports itself leader (lease taken, change stream about to be open). */
    private void awaitLeader(long deadline) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // Health details (the role) are private; the leader gauge says the same.
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline && relay.isAlive()) {
            try {
                if (http.send(metrics, HttpResponse.BodyHandlers.ofString()).body()
                        .lines().anyMatch(line -> line.startsWith("zrt_relay_leader") && line.endsWith(" 1.0"))) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the actuator is not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the relay did not become leader");
    }

    private void read() {
        while (running) {
            try {
                Message message = subscription.nextMessage(Duration.ofMillis(200));
                if (message != null) {
                    // <groupId>:<seq>:<digest>; the probes are keyed by their position
                    String id = message.getHeaders().getFirst("Nats-Msg-Id");
                    arrivals.put(id.substring(0, id.lastIndexOf(':')), System.nanoTime());
                    received.incrementAndGet();
                }
            } catch (InterruptedException | IllegalStateException e) {
                return;
            }
        }
    }

    /** The next frame document of group {@code index} (what the Node would insert). */
    synchronized Document nextFrame(int index) {
        long seq = nextSeq[index]++;
        return new Document("groupId", groups.get(index)).append("seq", seq).append("epoch", 0L)
                .append("op", "message").append("frame", new Binary(SP_FRAME)).append("spFrame", new Binary(SP_FRAME))
                .append("createdAt", new Date()).append("relayed", false);
    }

    static String key(Document frame) {
        return frame.getString("groupId") + ":" + frame.getLong("seq");
    }

    /** Waits until the consumer has seen {@code count} messages in total. */
    void awaitReceived(long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + received.get() + " of " + count + " frames arrived");
            }
            Thread.onSpinWait();
        }
    }

    /** Waits until the consumer has seen {@code key}. */
    void awaitArrival(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!arrivals.containsKey(key)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(key + " never arrived");
            }
            Thread.onSpinWait();
        }
        arrivals.remove(key);
    }

    /** The relay's own insert-to-ack latency quantiles from its Prometheus endpoint. */
    String relayAckLatency() {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith("zrt_relay_ack_latency_seconds{")
                    || line.startsWith("zrt_relay_published_total") || line.startsWith("zrt_relay_ack_latency_seconds_count"))
                    .reduce((a, b) -> a + "\n" + b).orElse("(no relay metrics)");
        } catch (Exception e) {
            return "(relay metrics unavailable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        if (relay != null) {
            relay.destroy();
            relay.waitFor();
        }
        nats.close();
        mongo.close();
    }
}
