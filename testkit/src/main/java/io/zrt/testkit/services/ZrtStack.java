package io.zrt.testkit.services;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.zrt.testkit.centrifugo.CentrifugoConfig;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.internal.FreePorts;
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
 * The whole ZRT system wired as production wires it, each service from its packaged jar in its own JVM:
 * node-service and message-relay on one MongoDB, the relay publishing to NATS JetStream, Centrifugo consuming
 * the EVENTS stream in publication data mode with {@code infra/centrifugo/config.json}, transistor on
 * PostgreSQL. The Node and Centrifugo share a push secret made per stack. Where the infrastructure comes from
 * (binaries, embedded servers, containers) is the caller's choice, through {@link Infrastructure}.
 */
public final class ZrtStack implements AutoCloseable {

    /**
     * @param mongoUri     a MongoDB for the Node and the relay; null runs the Node's embedded MongoDB (profile
     *                     {@code local}) on a free port, as {@code scripts/run-local.sh} does
     * @param natsUrl      NATS with JetStream
     * @param postgres     Spring datasource properties for transistor; empty for its embedded PostgreSQL
     * @param centrifugo   starts Centrifugo from the configuration this stack prepares
     * @param nodeSettings extra Spring properties for node-service (for example switching rate limits off)
     */
    public record Infrastructure(String mongoUri, String natsUrl, Map<String, String> postgres,
            Function<CentrifugoConfig, CentrifugoServer> centrifugo, Map<String, String> nodeSettings) {
    }

    private static final Duration STREAM_WAIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final String natsUrl;
    private final String pushSecret = HexFormat.of().formatHex(random(32)); // per stack, never printed
    private ServiceProcess node;
    private ServiceProcess transistor;
    private ServiceProcess relay;
    private CentrifugoServer centrifugo;

    private ZrtStack(Path repo, Infrastructure infra) throws IOException, InterruptedException {
        this.natsUrl = infra.natsUrl();
        String database = "zrt_" + HexFormat.of().formatHex(random(6));
        try {
            Map<String, String> nodeArgs = new LinkedHashMap<>();
            String mongoUri = infra.mongoUri();
            if (mongoUri == null) {
                int mongoPort = FreePorts.loopback();
                nodeArgs.put("zrt.node.embedded-mongo.port", Integer.toString(mongoPort));
                mongoUri = "mongodb://127.0.0.1:" + mongoPort;
            } else {
                nodeArgs.put("spring.mongodb.uri", mongoUri);
            }
            nodeArgs.put("zrt.node.database", database);
            nodeArgs.putAll(infra.nodeSettings());
            node = keep(ServiceProcess.start(jar(repo, "node-service"), nodeArgs,
                    Map.of("ZRT_PUSH_HMAC_SECRET", pushSecret)));
            transistor = keep(ServiceProcess.start(jar(repo, "transistor"), new LinkedHashMap<>(infra.postgres())));
            relay = keep(ServiceProcess.start(jar(repo, "message-relay"), Map.of(
                    "spring.mongodb.uri", mongoUri,
                    "zrt.relay.mongo.database", database,
                    "zrt.relay.nats.url", natsUrl)));
            // Centrifugo refuses to start while its consumer's stream is missing; the relay creates it.
            awaitStream(natsUrl, "EVENTS");
            centrifugo = keep(infra.centrifugo().apply(CentrifugoConfig.defaults()
                    .withBaseConfig(repo.resolve("infra/centrifugo/config.json"))
                    .withTokenSecret(pushSecret)
                    .withEnvironment("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", pushSecret)
                    .withEnvironment("CENTRIFUGO_CONSUMERS_EVENTS_NATS_JETSTREAM_URL", natsUrl)));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** Starts the stack from the jars under {@code repo} (each module's {@code target/<module>.jar}). */
    public static ZrtStack start(Path repo, Infrastructure infra) throws IOException, InterruptedException {
        return new ZrtStack(repo, infra);
    }

    public String nodeUrl() {
        return node.url();
    }

    public String transistorUrl() {
        return transistor.url();
    }

    public String centrifugoUrl() {
        return centrifugo.url();
    }

    /** The relay's actuator (it has no other HTTP API): health and Prometheus. */
    public String relayUrl() {
        return relay.managementUrl();
    }

    /** The Node's actuator (management port): health, metrics and Prometheus. */
    public String nodeManagementUrl() {
        return node.managementUrl();
    }

    /** Transistor's actuator (management port). */
    public String transistorManagementUrl() {
        return transistor.managementUrl();
    }

    public String natsUrl() {
        return natsUrl;
    }

    /** The HMAC key the Node and Centrifugo share, for tests that sign their own connection tokens. */
    public String pushSecret() {
        return pushSecret;
    }

    /** The end of the services' logs, for a failed run. */
    public String logTails() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess service : new ServiceProcess[] {node, transistor, relay}) {
            if (service != null) {
                out.append(service).append(":\n").append(service.logTail()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // best effort: every process is also stopped at JVM exit
            }
        }
        started.clear();
    }

    @Override
    public String toString() {
        return "ZrtStack[node " + (node == null ? "-" : node.url()) + ", nats " + natsUrl + "]";
    }

    private synchronized <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    private static Path jar(Path repo, String module) {
        return repo.resolve(module).resolve("target").resolve(module + ".jar");
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
