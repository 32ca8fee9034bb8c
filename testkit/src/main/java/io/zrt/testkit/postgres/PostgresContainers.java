package io.zrt.testkit.postgres;

import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Settings;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Testcontainers variant; loaded only when a Docker engine is present. */
public final class PostgresContainers {

    private PostgresContainers() {
    }

    public static PostgresEndpoint start() {
        String image = Settings.get("ZRT_POSTGRES_IMAGE").orElse("postgres:17");
        PostgreSQLContainer container = new PostgreSQLContainer(image);
        container.start();
        Cleanup.atExit(container::stop);
        return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "testcontainers " + image);
    }
}
