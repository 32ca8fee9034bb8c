package io.zrt.testkit.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.zrt.testkit.internal.Binaries;
import io.zrt.testkit.internal.Docker;
import io.zrt.testkit.internal.FreePorts;
import io.zrt.testkit.internal.Lazy;
import io.zrt.testkit.internal.ManagedProcess;
import io.zrt.testkit.internal.Settings;
import io.zrt.testkit.internal.TempDirs;
import io.zrt.testkit.internal.Unavailable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A NATS server with JetStream for tests, shared by the whole JVM and started on first use.
 * Resolution order: {@code ZRT_NATS_URL}; a {@code nats-server} binary ({@code ZRT_NATS_SERVER_BIN}, PATH,
 * $GOPATH/bin, ~/go/bin); Testcontainers; otherwise the calling test is skipped (or fails when
 * {@code ZRT_REQUIRE_INFRA=true}).
 */
public final class TestNats {

    static final String COMPONENT = "NATS JetStream";
    private static final Lazy<NatsEndpoint> SHARED = new Lazy<>(TestNats::resolve);

    private TestNats() {
    }

    /** The client URL, e.g. {@code nats://127.0.0.1:41234}. */
    public static String url() {
        return SHARED.get().url();
    }

    /** The shared endpoint (URL and where it came from). */
    public static NatsEndpoint endpoint() {
        return SHARED.get();
    }

    private static NatsEndpoint resolve() {
        List<String> attempts = new ArrayList<>();
        var fromEnvironment = Settings.get("ZRT_NATS_URL");
        if (fromEnvironment.isPresent()) {
            return new NatsEndpoint(fromEnvironment.get(), "environment");
        }
        attempts.add("ZRT_NATS_URL not set");
        var binary = Binaries.locate("nats-server", "ZRT_NATS_SERVER_BIN");
        if (binary.isPresent()) {
            return startBinary(binary.get());
        }
        attempts.add("no nats-server binary (ZRT_NATS_SERVER_BIN, PATH, $GOPATH/bin, ~/go/bin)");
        if (Docker.available()) {
            return NatsContainers.start();
        }
        attempts.add("no Docker engine for Testcontainers");
        throw Unavailable.of(COMPONENT, attempts);
    }

    /** Starts a JetStream-enabled {@code nats-server} from {@code binary} on a free loopback port. */
    static NatsEndpoint startBinary(Path binary) {
        int port = FreePorts.loopback();
        Path dir = TempDirs.create("zrt-nats-");
        List<String> command = List.of(binary.toString(), "-js", "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-sd", dir.resolve("jetstream").toString(), "-n", "zrt-testkit");
        ManagedProcess process = ManagedProcess.start("nats-server", command, dir, name -> true, Map.of());
        String url = "nats://127.0.0.1:" + port;
        process.awaitReady(() -> jetStreamAnswers(url), Duration.ofSeconds(30));
        return new NatsEndpoint(url, "binary " + binary);
    }

    /** Ready means JetStream answers an account-info request, not merely that the port is open. */
    static boolean jetStreamAnswers(String url) throws Exception {
        Options options = Options.builder().server(url).connectionTimeout(Duration.ofSeconds(1))
                .maxReconnects(0).build();
        try (Connection connection = Nats.connect(options)) {
            connection.jetStreamManagement().getAccountStatistics();
            return true;
        }
    }
}
