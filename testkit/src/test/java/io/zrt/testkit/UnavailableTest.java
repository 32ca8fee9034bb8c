package io.zrt.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.testkit.internal.Unavailable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class UnavailableTest {

    private final String before = System.getProperty("zrt.require-infra");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("zrt.require-infra");
        } else {
            System.setProperty("zrt.require-infra", before);
        }
    }

    @Test
    void skipsWithTheComponentNameByDefault() {
        System.setProperty("zrt.require-infra", "false");
        RuntimeException e = Unavailable.of("Widget", List.of("no widget binary"));
        // ZRT_REQUIRE_INFRA in the environment also counts; only assert the skip when it is not set
        if (!"true".equalsIgnoreCase(System.getenv("ZRT_REQUIRE_INFRA"))) {
            assertThat(e).isInstanceOf(TestAbortedException.class);
        }
        assertThat(e).hasMessageContaining("Widget").hasMessageContaining("no widget binary");
    }

    @Test
    void failsLoudlyWhenInfrastructureIsRequired() {
        System.setProperty("zrt.require-infra", "true");
        RuntimeException e = Unavailable.of("Widget", List.of("no widget binary"));
        assertThat(e).isInstanceOf(IllegalStateException.class).hasMessageContaining("ZRT_REQUIRE_INFRA")
                .hasMessageContaining("Widget");
    }
}
