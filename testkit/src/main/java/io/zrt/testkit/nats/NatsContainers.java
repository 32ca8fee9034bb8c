package io.zrt.testkit.nats;

import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Settings;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** The Testcontainers variant; loaded only when a Docker engine is present. */
public final class NatsContainers {

    /** The default image (ZRT_NATS_IMAGE overrides it): the NATS the binaries run (scripts/install-tools.sh) and docker-compose.yml pins; e2e-tests checks that they agree. */
    public static final String DEFAULT_IMAGE = "nats:2.15.0-alpine";

    private NatsContainers() {
    }

    public static NatsEndpoint start() {
        String image = Settings.get("ZRT_NATS_IMAGE").orElse(DEFAULT_IMAGE);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("-js")
                .withExposedPorts(4222)
                .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1))
                .withStartupTimeout(Duration.ofMinutes(2));
        container.start();
        Cleanup.atExit(container::stop);
        return new NatsEndpoint("nats://" + container.getHost() + ":" + container.getMappedPort(4222),
                "testcontainers " + image);
    }
}
