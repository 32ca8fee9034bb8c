package io.zrt.node.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zrt.node.NodeApplication;
import io.zrt.node.support.NodeClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When MongoDB goes away the Node stops being ready (a load balancer takes it out) but stays live (nothing
 * restarts it, which would not bring MongoDB back). The MongoDB here is a real server of the test's own that
 * the test shuts down: the fault is produced, not simulated.
 */
class ReadinessProbeTest {

    @Test
    void losingMongoMakesTheNodeUnreadyButNotDead() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(NodeApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort(), "--zrt.node.database=probes")) {
            NodeClient management = new NodeClient(
                    Integer.parseInt(node.getEnvironment().getProperty("local.management.port")));
            assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);

            mongo.shutdownNow();

            // The MongoDB check is bounded (2 s), so the probe answers within a probe's timeout.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                NodeClient.Response readiness = management.get("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().path("components").path("mongo").path("status").asString())
                        .isEqualTo("DOWN");
            });
            long started = System.nanoTime();
            assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            mongo.shutdownNow();
        }
    }
}
