package io.zrt.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void answersAQuery() throws SQLException {
        try (Connection connection = TestPostgres.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 6 * 7, current_setting('server_version_num')")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
            assertThat(Integer.parseInt(result.getString(2))).isGreaterThanOrEqualTo(140000);
        }
    }

    @Test
    void createdDatabasesAreIsolated() throws SQLException {
        PostgresEndpoint first = TestPostgres.createDatabase("iso");
        PostgresEndpoint second = TestPostgres.createDatabase("iso");
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        try (Connection connection = first.dataSource().getConnection()) {
            connection.createStatement().execute("CREATE TABLE only_here (id int)");
        }
        try (Connection connection = second.dataSource().getConnection()) {
            assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT * FROM only_here"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("only_here");
        }
    }

    @Test
    void propertiesAndToStringDoNotLeakThePassword() {
        PostgresEndpoint endpoint = new PostgresEndpoint("jdbc:postgresql://h:1/db", "u", "s3cret!", "test");
        assertThat(endpoint.toString()).doesNotContain("s3cret!");
        assertThat(endpoint.dataSourceProperties()).containsEntry("spring.datasource.url", "jdbc:postgresql://h:1/db")
                .containsEntry("spring.datasource.password", "s3cret!");
    }

    @Test
    void jdbcUrlDatabaseIsReplaced() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432/postgres?user=a&ssl=false", "x"))
                .isEqualTo("jdbc:postgresql://localhost:5432/x?user=a&ssl=false");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:1,h2:2", "x")).isEqualTo("jdbc:postgresql://h1:1,h2:2/x");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/db", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Tag("docker")
    @Test
    void containerAnswersAQuery() throws SQLException {
        PostgresEndpoint endpoint = PostgresContainers.start();
        try (Connection connection = endpoint.dataSource().getConnection();
                ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
        }
    }
}
