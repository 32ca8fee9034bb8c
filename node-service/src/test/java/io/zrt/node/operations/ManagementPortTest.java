package io.zrt.node.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The actuator lives on its own port (never published by compose), exposes health, info, metrics and Prometheus
 * and nothing else, shows which checks exist but not what they found, and splits health into a liveness
 * probe (the process only) and a readiness probe (the process and MongoDB).
 */
class ManagementPortTest extends NodeTestBase {

    @Test
    void theApiPortServesNoActuatorEndpoint() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            assertThat(client.get(path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theManagementPortExposesExactlyHealthInfoMetricsAndPrometheus() {
        for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus")) {
            assertThat(management.get(path).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings", "/actuator/shutdown")) {
            assertThat(management.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(management.get("/v1/group/0f8fad5b-d9cb-469f-a165-70867728950e/status").status())
                .as("the API is not on the management port").isEqualTo(404);
    }

    @Test
    void healthShowsComponentsButNoDetailsToAnAnonymousCaller() {
        JsonNode health = management.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.findValues("details")).as("no check reveals what it found").isEmpty();
        assertThat(management.get("/actuator/health").json().toString()).doesNotContain(DATABASE);
    }

    @Test
    void livenessIsTheProcessAloneAndReadinessIncludesMongo() {
        NodeClient.Response liveness = management.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(componentNames(liveness.json())).containsExactly("livenessState");

        NodeClient.Response readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(componentNames(readiness.json())).containsExactlyInAnyOrder("readinessState", "mongo");
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    static List<String> componentNames(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.path("components").propertyNames().forEach(names::add);
        return names;
    }
}
