package io.zrt.bench.load;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.zrt.testkit.centrifugo.CentrifugoConfig;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import io.zrt.testkit.nats.TestNats;
import io.zrt.testkit.services.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The stack {@code scripts/run-local.sh} runs, started here on free loopback ports: node-service with its
 * embedded MongoDB (mongo-java-server with the oplog, in the Node's JVM), transistor with its embedded
 * PostgreSQL, message-relay on the Node's MongoDB publishing to NATS JetStream, and Centrifugo consuming the
 * EVENTS stream with {@code infra/centrifugo/config.json}. Services come from their packaged jars through the
 * testkit's {@link ServiceProcess}; NATS and Centrifugo from the testkit (local binaries). One difference from
 * run-local.sh: the Node's per-group frame rate limit (1200 per minute) is switched off, so that the test
 * measures the pipeline rather than the limiter.
 */
final class LocalStack implements AutoCloseable {

    private static final Duration STREAM_WAIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final StackEndpoints endpoints;
    private ServiceProcess node;
    private ServiceProcess relay;

    private LocalStack(Path repo) throws IOException, InterruptedException {
        String pushSecret = HexFormat.of().formatHex(random(32)); // made per run, never printed
        int mongoPort = freePort();
        try {
            CompletableFuture<String> nats = CompletableFuture.supplyAsync(TestNats::url);
            CompletableFuture<ServiceProcess> transistor = CompletableFuture.supplyAsync(
                    () -> keep(ServiceProcess.start(jar(repo, "transistor"), Map.of())));
            node = keep(ServiceProcess.start(jar(repo, "node-service"), Map.of(
                    "zrt.node.embedded-mongo.port", Integer.toString(mongoPort),
                    "zrt.node.rate-limit.frames-per-group", "0",
                    "zrt.node.rate-limit.challenges-per-group", "0"),
                    Map.of("ZRT_PUSH_HMAC_SECRET", pushSecret)));
            String natsUrl = join(nats);
            relay = keep(ServiceProcess.start(jar(repo, "message-relay"), Map.of(
                    "spring.mongodb.uri", "mongodb://127.0.0.1:" + mongoPort,
                    "zrt.relay.nats.url", natsUrl)));
            // Centrifugo refuses to start while its consumer's stream is missing; the relay creates it.
            awaitStream(natsUrl, "EVENTS");
            CentrifugoServer centrifugo = keep(TestCentrifugo.start(CentrifugoConfig.defaults()
                    .withBaseConfig(repo.resolve("infra/centrifugo/config.json"))
                    .withTokenSecret(pushSecret)
                    .withEnvironment("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY", pushSecret)
                    .withEnvironment("CENTRIFUGO_CONSUMERS_EVENTS_NATS_JETSTREAM_URL", natsUrl)));
            endpoints = new StackEndpoints(node.url(), join(transistor).url(), centrifugo.url(), natsUrl,
                    relay.url(), pushSecret);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    static LocalStack start(Path repo) throws IOException, InterruptedException {
        return new LocalStack(repo);
    }

    StackEndpoints endpoints() {
        return endpoints;
    }

    /** The end of the Node's and the relay's logs, for a failed run. */
    String logTails() {
        return "node-service:\n" + (node == null ? "-" : node.logTail())
                + "\nmessage-relay:\n" + (relay == null ? "-" : relay.logTail());
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // best effort: the testkit also stops every process at JVM exit
            }
        }
        started.clear();
    }

    private synchronized <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    static Path jar(Path repo, String module) {
        Path jar = repo.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar.toAbsolutePath().normalize()
                    + ": build with ./mvnw -B -q -pl benchmarks -am -DskipTests package (or pass --repo)");
        }
        return jar;
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
