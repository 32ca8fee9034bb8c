package io.zrt.bench.load;

import io.zrt.testkit.centrifugo.TestCentrifugo;
import io.zrt.testkit.nats.TestNats;
import io.zrt.testkit.services.ZrtStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stack {@code scripts/run-local.sh} runs, started here on free loopback ports through the testkit's
 * {@link ZrtStack}: node-service with its embedded MongoDB, transistor with its embedded PostgreSQL, the relay,
 * NATS and Centrifugo from local binaries. One difference from run-local.sh: the Node's per-group rate limits
 * are switched off, so that the test measures the pipeline rather than the limiter.
 */
final class LocalStack implements AutoCloseable {

    private static final Map<String, String> NO_RATE_LIMITS = Map.of(
            "zrt.node.rate-limit.frames-per-group", "0",
            "zrt.node.rate-limit.challenges-per-group", "0",
            // every load client is 127.0.0.1: the per-address budget and in-flight cap would measure themselves
            "zrt.node.rate-limit.per-client-address", "0",
            "zrt.node.verifications.max-concurrent-per-address", "1024");

    private final ZrtStack stack;

    private LocalStack(ZrtStack stack) {
        this.stack = stack;
    }

    static LocalStack start(Path repo) throws IOException, InterruptedException {
        for (String module : new String[] {"node-service", "transistor", "message-relay"}) {
            Path jar = repo.resolve(module).resolve("target").resolve(module + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("missing " + jar.toAbsolutePath().normalize()
                        + ": build with ./mvnw -B -q -pl benchmarks -am -DskipTests package (or pass --repo)");
            }
        }
        return new LocalStack(ZrtStack.start(repo,
                new ZrtStack.Infrastructure(null, TestNats.url(), Map.of(), TestCentrifugo::start, NO_RATE_LIMITS)));
    }

    StackEndpoints endpoints() {
        return new StackEndpoints(stack.nodeUrl(), stack.transistorUrl(), stack.centrifugoUrl(), stack.natsUrl(),
                stack.relayUrl(), stack.nodeManagementUrl(), stack.pushSecret());
    }

    /** The end of the services' logs, for a failed run. */
    String logTails() {
        return stack.logTails();
    }

    @Override
    public void close() {
        stack.close();
    }
}
