package io.zrt.e2e.stack;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.zrt.demo.DemoConversation;
import io.zrt.testkit.centrifugo.CentrifugoConfig;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.services.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole system as production wires it, each service from its packaged jar in its own JVM: node-service and
 * message-relay on one MongoDB, the relay publishing to NATS JetStream, Centrifugo consuming the EVENTS stream
 * in publication data mode with the configuration from {@code infra/}, transistor on PostgreSQL. Where the
 * infrastructure comes from (binaries, embedded servers, containers) is the caller's choice.
 */
final class FullStack implements AutoCloseable {

    /** Infrastructure endpoints; empty {@code postgres} properties mean transistor's embedded PostgreSQL. */
    record Infrastructure(String mongoUri, String natsUrl, Map<String, String> postgres,
            Function<CentrifugoConfig, CentrifugoServer> centrifugo) {
    }

    private static final Path REPO = Path.of("..");
    private static final Duration STREAM_WAIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final ServiceProcess node;
    private final ServiceProcess transistor;
    private final CentrifugoServer centrifugo;

    private FullStack(Infrastructure infra) throws Exception {
        String database = "e2e_" + HexFormat.of().formatHex(random(6));
        String pushSecret = HexFormat.of().formatHex(random(32)); // test-only secret, made per run
        try {
            node = keep(ServiceProcess.start(jar("node-service"),
                    Map.of("spring.mongodb.uri", infra.mongoUri(), "zrt.node.database", database),
                    Map.of("ZRT_PUSH_HMAC_SECRET", pushSecret)));
            transistor = keep(ServiceProcess.start(jar("transistor"), new LinkedHashMap<>(infra.postgres())));
            keep(ServiceProcess.start(jar("message-relay"), Map.of(
                    "spring.mongodb.uri", infra.mongoUri(),
                    "zrt.relay.mongo.database", database,
                    "zrt.relay.nats.url", infra.natsUrl())));
            // Centrifugo refuses to start while its consumer's stream is missing; the relay creates it.
            awaitStream(infra.natsUrl(), "EVENTS");
            centrifugo = keep(infra.centrifugo().apply(CentrifugoConfig.defaults()
                    .withBaseConfig(REPO.resolve("infra/centrifugo/config.json"))
                    .withTokenSecret(pushSecret)
                    .withEnvironment("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", pushSecret)
                    .withEnvironment("CENTRIFUGO_CONSUMERS_EVENTS_NATS_JETSTREAM_URL", infra.natsUrl())));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    static FullStack start(Infrastructure infra) throws Exception {
        return new FullStack(infra);
    }

    DemoConversation.Endpoints endpoints(boolean livePush) {
        return new DemoConversation.Endpoints(node.url(), transistor.url(), livePush ? centrifugo.url() : null);
    }

    String logs() {
        return "node-service log tail:\n" + node.logTail() + "\ntransistor log tail:\n" + transistor.logTail();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // best effort: every process is also stopped at JVM exit
            }
        }
        started.clear();
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    private static Path jar(String module) {
        return REPO.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static void awaitStream(String natsUrl, String stream) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STREAM_WAIT.toNanos();
        try (Connection nats = Nats.connect(natsUrl)) {
            while (true) {
                try {
                    nats.jetStreamManagement().getStreamInfo(stream);
                    return;
                } catch (JetStreamApiException missing) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the relay did not create stream " + stream, missing);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
