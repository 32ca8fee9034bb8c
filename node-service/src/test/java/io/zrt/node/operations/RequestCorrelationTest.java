package io.zrt.node.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A client's W3C {@code traceparent} and {@code X-Request-Id} reach the Node's log lines (here as structured
 * JSON, Spring Boot's ECS format), and the request id comes back in the answer. DispatcherServlet's debug line
 * stands for any line logged while the request runs.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "logging.structured.format.console=ecs",
        "logging.level.org.springframework.web.servlet.DispatcherServlet=debug"})
class RequestCorrelationTest extends NodeTestBase {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void traceAndRequestIdsFromTheClientAreInTheLogContext(CapturedOutput output) {
        String requestId = "sdk-" + UUID.randomUUID();
        String path = "/v1/group/" + UUID.randomUUID() + "/status";
        NodeClient.Response answer = client.get(path, "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01",
                "X-Request-Id", requestId);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.raw().headers().firstValue("X-Request-Id")).hasValue(requestId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> lines = output.getOut().lines().filter(line -> line.contains(path))
                    .map(line -> NodeClient.JSON.readTree(line)).toList();
            assertThat(lines).as("JSON log lines of the request").isNotEmpty()
                    .anySatisfy(line -> {
                        assertThat(line.path("traceId").asString()).isEqualTo(TRACE_ID);
                        assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
                        assertThat(line.path("requestId").asString()).isEqualTo(requestId);
                    });
        });
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenIsReplaced() {
        String path = "/v1/group/" + UUID.randomUUID() + "/status";
        String forged = "x\" level=ERROR forged=\"" + "y".repeat(80);
        NodeClient.Response answer = client.get(path, "X-Request-Id", forged);
        String given = answer.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(given).isNotEqualTo(forged).matches("[0-9a-f-]{36}");

        NodeClient.Response anonymous = client.get(path);
        assertThat(anonymous.raw().headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}").isNotEqualTo(given));
    }
}
