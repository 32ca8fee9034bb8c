package io.zrt.transistor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.testkit.postgres.PostgresEndpoint;
import io.zrt.testkit.postgres.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.unit.DataSize;

class TransistorPropertiesTest {

    private static final TransistorProperties.Embedded EMBEDDED = new TransistorProperties.Embedded(Path.of("x"));

    @Test
    void rejectsNonPositiveLimitsAndDurations() {
        assertThatThrownBy(() -> new TransistorProperties(DataSize.ofBytes(0), DataSize.ofMegabytes(16),
                Duration.ofHours(24), Duration.ofMinutes(5), EMBEDDED)).hasMessageContaining("max-transfer-size");
        assertThatThrownBy(() -> new TransistorProperties(DataSize.ofMegabytes(1), DataSize.ofBytes(-1),
                Duration.ofHours(24), Duration.ofMinutes(5), EMBEDDED)).hasMessageContaining("max-blob-size");
        assertThatThrownBy(() -> new TransistorProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16),
                Duration.ZERO, Duration.ofMinutes(5), EMBEDDED)).hasMessageContaining("ttl");
        assertThatThrownBy(() -> new TransistorProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(16),
                Duration.ofHours(1), Duration.ofMillis(1), EMBEDDED)).hasMessageContaining("sweep-interval");
    }

    @Test
    void applicationRefusesToStartWithInvalidSettings() {
        PostgresEndpoint database = TestPostgres.createDatabase("transistor_props");
        assertThatThrownBy(() -> new SpringApplicationBuilder(TransistorApplication.class)
                .properties("zrt.transistor.ttl=-5s", "server.port=0",
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password())
                .run().close())
                .hasStackTraceContaining("ttl must be positive");
    }
}
