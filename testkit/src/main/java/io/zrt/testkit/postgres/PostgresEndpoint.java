package io.zrt.testkit.postgres;

import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where a test PostgreSQL database is. The password never appears in {@link #toString()}.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
 * @param username database user
 * @param password database password
 * @param source "environment", "testcontainers &lt;image&gt;" or "embedded zonky"
 */
public record PostgresEndpoint(String jdbcUrl, String username, String password, String source) {

    /** {@code spring.datasource.url/username/password}, ready for a {@code @DynamicPropertySource}. */
    public Map<String, String> dataSourceProperties() {
        return Map.of("spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password);
    }

    /** A non-pooling DataSource; each getConnection() opens a new connection. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The same server and credentials, another database. */
    PostgresEndpoint withDatabase(String database) {
        return new PostgresEndpoint(JdbcUrls.withDatabase(jdbcUrl, database), username, password, source);
    }

    @Override
    public String toString() {
        return "PostgresEndpoint[jdbcUrl=" + jdbcUrl + ", username=" + username + ", source=" + source + "]";
    }
}
