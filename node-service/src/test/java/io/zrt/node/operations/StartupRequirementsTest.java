package io.zrt.node.operations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.node.NodeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Without a MongoDB to use, and without the {@code local} profile that asks for the embedded one, the Node does
 * not start, and says what to set. (Under {@code local} it starts its embedded MongoDB:
 * {@code EmbeddedMongoTest}; the production jar, which lacks it, refuses even then: e2e {@code ProductionJarTest}.)
 */
class StartupRequirementsTest {

    private static void start(String... args) {
        new SpringApplicationBuilder(NodeApplication.class).run(args).close();
    }

    @Test
    void noMongoUriAndNoLocalProfileStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false"))
                .hasStackTraceContaining("No MongoDB configured")
                .hasStackTraceContaining("SPRING_MONGODB_URI")
                .hasStackTraceContaining("--spring.profiles.active=local");
    }

    @Test
    void anEmptyUriCountsAsNone() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--spring.mongodb.uri= "))
                .hasStackTraceContaining("No MongoDB configured");
    }

    @Test
    void springBoot3sPropertyNameIsPointedOut() {
        assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:1"))
                .hasStackTraceContaining("No MongoDB configured")
                .hasStackTraceContaining("Spring Boot 4 reads spring.mongodb.uri");
    }
}
