package io.zrt.transistor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Without a PostgreSQL to use, and without the {@code local} profile that asks for the embedded one, Transistor
 * does not start, and says what to set ({@link EmbeddedStartupTest} covers {@code local}).
 */
class StartupRequirementsTest {

    @Test
    void noDatasourceUrlAndNoLocalProfileStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TransistorApplication.class)
                .properties("server.port=0", "management.server.port=0").run().close())
                .hasStackTraceContaining("No PostgreSQL configured")
                .hasStackTraceContaining("SPRING_DATASOURCE_URL")
                .hasStackTraceContaining("--spring.profiles.active=local");
    }
}
