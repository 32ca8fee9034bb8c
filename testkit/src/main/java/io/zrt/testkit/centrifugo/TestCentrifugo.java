package io.zrt.testkit.centrifugo;

import io.zrt.testkit.internal.Binaries;
import io.zrt.testkit.internal.Docker;
import io.zrt.testkit.internal.FreePorts;
import io.zrt.testkit.internal.Lazy;
import io.zrt.testkit.internal.ManagedProcess;
import io.zrt.testkit.internal.Settings;
import io.zrt.testkit.internal.TempDirs;
import io.zrt.testkit.internal.Unavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Centrifugo v6 for tests. Resolution order: {@code ZRT_CENTRIFUGO_URL} with {@code ZRT_CENTRIFUGO_API_KEY}
 * and {@code ZRT_CENTRIFUGO_TOKEN_SECRET}; a {@code centrifugo} binary ({@code ZRT_CENTRIFUGO_BIN}, PATH,
 * $GOPATH/bin, ~/go/bin) started with a generated config; Testcontainers; otherwise the test is skipped
 * (or fails when {@code ZRT_REQUIRE_INFRA=true}).
 */
public final class TestCentrifugo {

    static final String COMPONENT = "Centrifugo";
    private static final Logger LOG = LoggerFactory.getLogger(TestCentrifugo.class);
    private static final Lazy<CentrifugoServer> SHARED = new Lazy<>(() -> start(CentrifugoConfig.defaults()));

    private TestCentrifugo() {
    }

    /** A server with the default config, started once per JVM (do not close it). */
    public static CentrifugoServer shared() {
        return SHARED.get();
    }

    /**
     * Starts a new server with {@code config}; close it when done (JVM exit stops it too). With
     * {@code ZRT_CENTRIFUGO_URL} set, the external server is returned instead and {@code config} is not
     * applied: that server must already be configured as the test expects.
     */
    public static CentrifugoServer start(CentrifugoConfig config) {
        List<String> attempts = new ArrayList<>();
        Optional<CentrifugoServer> external = fromEnvironment(attempts);
        if (external.isPresent()) {
            LOG.info("Using Centrifugo from ZRT_CENTRIFUGO_URL; the requested config is not applied: {}", config);
            return external.get();
        }
        Optional<Path> binary = Binaries.locate("centrifugo", "ZRT_CENTRIFUGO_BIN");
        if (binary.isPresent()) {
            return startBinary(binary.get(), config);
        }
        attempts.add("no centrifugo binary (ZRT_CENTRIFUGO_BIN, PATH, $GOPATH/bin, ~/go/bin)");
        if (Docker.available()) {
            return CentrifugoContainers.start(config);
        }
        attempts.add("no Docker engine for Testcontainers");
        throw Unavailable.of(COMPONENT, attempts);
    }

    private static Optional<CentrifugoServer> fromEnvironment(List<String> attempts) {
        Optional<String> url = Settings.get("ZRT_CENTRIFUGO_URL");
        if (url.isEmpty()) {
            attempts.add("ZRT_CENTRIFUGO_URL not set");
            return Optional.empty();
        }
        Optional<String> key = Settings.get("ZRT_CENTRIFUGO_API_KEY");
        Optional<String> secret = Settings.get("ZRT_CENTRIFUGO_TOKEN_SECRET");
        if (key.isEmpty() || secret.isEmpty()) {
            throw Unavailable.of(COMPONENT, List.of(
                    "ZRT_CENTRIFUGO_URL is set but ZRT_CENTRIFUGO_API_KEY or ZRT_CENTRIFUGO_TOKEN_SECRET is missing"));
        }
        return Optional.of(new CentrifugoServer(url.get(), key.get(), secret.get(), "environment", () -> { }));
    }

    static CentrifugoServer startBinary(Path binary, CentrifugoConfig config) {
        int port = FreePorts.loopback();
        Path dir = TempDirs.create("zrt-centrifugo-");
        Path configFile = dir.resolve("config.json");
        String natsUrl = config.natsConsumer() == null ? null : config.natsConsumer().natsUrl();
        try {
            Files.writeString(configFile, config.render("127.0.0.1", port, natsUrl).toPrettyString());
        } catch (IOException e) {
            TempDirs.deleteRecursively(dir);
            throw new UncheckedIOException(e);
        }
        // Inherited CENTRIFUGO_* variables would silently override the generated file.
        ManagedProcess process = ManagedProcess.start("centrifugo",
                List.of(binary.toString(), "--config", configFile.toString()), dir,
                name -> !name.startsWith("CENTRIFUGO_"), config.environment());
        String url = "http://127.0.0.1:" + port;
        process.awaitReady(() -> healthy(url), Duration.ofSeconds(30));
        return new CentrifugoServer(url, config.apiKey(), config.tokenSecret(), "binary " + binary, process);
    }

    static boolean healthy(String baseUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(1)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
