package io.zrt.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAreSmallAndStartTheStackHere() {
        LoadOptions options = LoadOptions.parse(List.of());

        assertThat(options.groups()).isEqualTo(4);
        assertThat(options.members()).isEqualTo(3);
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.policy()).isEqualTo(LoadOptions.Policy.MANUAL);
        assertThat(options.targetsRunningStack()).isFalse();
    }

    @Test
    void aRunningStackOnLoopbackGetsTheDefaultNatsUrl() {
        LoadOptions options = LoadOptions.parse(List.of("--node", "http://127.0.0.1:8080", "--transistor",
                "http://localhost:8001", "--centrifugo", "http://127.0.0.1:8000", "--groups", "2", "--members",
                "5", "--duration", "1500ms", "--policy", "reference"));

        assertThat(options.targetsRunningStack()).isTrue();
        assertThat(options.natsUrl()).isEqualTo("nats://127.0.0.1:4222");
        assertThat(options.relayUrl()).isEqualTo("http://127.0.0.1:8083");
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.policy()).isEqualTo(LoadOptions.Policy.REFERENCE);
    }

    @Test
    void refusesServicesOutsideThisMachine() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--node", "http://example.com:8080", "--transistor",
                "http://127.0.0.1:8001", "--centrifugo", "http://127.0.0.1:8000")))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--node", "http://127.0.0.1:8080", "--transistor",
                "http://127.0.0.1:8001", "--centrifugo", "http://127.0.0.1:8000", "--nats", "nats://10.0.0.1:4222")))
                .hasMessageContaining("--nats");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--node", "http://127.0.0.1:8080", "--transistor",
                "http://127.0.0.1:8001", "--centrifugo", "http://127.0.0.1:8000", "--relay", "http://192.168.1.2:8083")))
                .hasMessageContaining("--relay");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--node", "http://127.0.0.1:8080")))
                .hasMessageContaining("--transistor");
    }

    @Test
    void refusesUnboundedOrMeaninglessRuns() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "11m"))).hasMessageContaining("--duration");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "0s"))).hasMessageContaining("--duration");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--rate", "1001"))).hasMessageContaining("--rate");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--members", "1"))).hasMessageContaining("--members");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--groups", "-3"))).hasMessageContaining("--groups");
    }

    @Test
    void refusesMalformedCommandLines() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--rate"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--rate", "fast"))).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "soon"))).hasMessageContaining("duration");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--policy", "never"))).hasMessageContaining("--policy");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--frobnicate", "1"))).hasMessageContaining("unknown");
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--transistor", "http://127.0.0.1:8001")))
                .hasMessageContaining("need --node");
    }
}
