package io.zrt.testkit.centrifugo;

import io.zrt.testkit.internal.Settings;
import java.net.URI;
import java.time.Duration;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers variant; loaded only when a Docker engine is present. Public so that tests tagged
 * {@code docker} can ask for the container explicitly instead of the first endpoint that resolves.
 */
public final class CentrifugoContainers {

    /** The default image (ZRT_CENTRIFUGO_IMAGE overrides it): the Centrifugo the binaries run (scripts/install-tools.sh) and docker-compose.yml pins; e2e-tests checks that they agree. */
    public static final String DEFAULT_IMAGE = "centrifugo/centrifugo:v6.9.1";

    private static final int PORT = 8000;

    private CentrifugoContainers() {
    }

    public static CentrifugoServer start(CentrifugoConfig config) {
        String image = Settings.get("ZRT_CENTRIFUGO_IMAGE").orElse(DEFAULT_IMAGE);
        String natsUrl = null;
        if (config.natsConsumer() != null) {
            natsUrl = reachableFromContainer(config.natsConsumer().natsUrl());
        }
        String rendered = config.render("0.0.0.0", PORT, natsUrl).toPrettyString();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCopyToContainer(Transferable.of(rendered), "/centrifugo/config.json")
                .withCommand("centrifugo", "--config", "/centrifugo/config.json")
                .withExposedPorts(PORT)
                .waitingFor(Wait.forHttp("/health").forPort(PORT).forStatusCode(200))
                .withStartupTimeout(Duration.ofMinutes(2));
        config.environment().forEach(container::withEnv);
        container.start();
        io.zrt.testkit.internal.Cleanup.atExit(container::stop);
        String url = "http://" + container.getHost() + ":" + container.getMappedPort(PORT);
        return new CentrifugoServer(url, config.apiKey(), config.tokenSecret(), "testcontainers " + image,
                container::stop);
    }

    /** A NATS server on the host's loopback is reached from the container through the host gateway. */
    private static String reachableFromContainer(String natsUrl) {
        URI uri = URI.create(natsUrl);
        String host = uri.getHost();
        if ("127.0.0.1".equals(host) || "localhost".equals(host)) {
            Testcontainers.exposeHostPorts(uri.getPort());
            return "nats://host.testcontainers.internal:" + uri.getPort();
        }
        return natsUrl;
    }
}
