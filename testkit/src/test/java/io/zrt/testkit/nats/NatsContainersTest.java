package io.zrt.testkit.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("docker")
class NatsContainersTest {

    @Test
    void containerServesJetStream() throws Exception {
        NatsEndpoint endpoint = NatsContainers.start();
        assertThat(TestNats.jetStreamAnswers(endpoint.url())).isTrue();
    }
}
