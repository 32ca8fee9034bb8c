package io.zrt.transistor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.transistor.TransistorTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The actuator on its own port: exposure, probes, private details, and the zrt_transistor_* counters. */
class OperationsTest extends TransistorTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpResponse<String> management(String path) throws Exception {
        return send(HttpRequest.newBuilder(managementUri(path)).GET());
    }

    @Test
    void theApiPortServesNoActuatorEndpoint() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics")) {
            assertThat(send(HttpRequest.newBuilder(uri(path)).GET()).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/loggers")) {
            assertThat(management(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void healthIsUpWithTheDatabaseAndShowsNoDetails() throws Exception {
        HttpResponse<String> health = management("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(health.body());
        assertThat(json.path("status").asString()).isEqualTo("UP");
        assertThat(json.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(json.findValues("details")).isEmpty();
    }

    @Test
    void livenessIsTheProcessAloneAndReadinessIncludesPostgres() throws Exception {
        HttpResponse<String> liveness = management("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(componentNames(liveness.body())).containsExactly("livenessState");
        HttpResponse<String> readiness = management("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(componentNames(readiness.body())).containsExactlyInAnyOrder("readinessState", "db");
    }

    @Test
    void prometheusExposesTheTransferCountersUnderTheZrtPrefix() throws Exception {
        UUID id = UUID.randomUUID();
        postTransfer(transferJson(id, "counted"));
        getTransfer(id.toString());
        HttpResponse<String> metrics = management("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^zrt_transistor_transfers_stored_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("(?m)^zrt_transistor_transfers_read_total(\\{[^}]*\\})? [1-9]")
                .doesNotContainPattern("(?m)^transistor_");
    }

    private static List<String> componentNames(String body) {
        List<String> names = new ArrayList<>();
        JSON.readTree(body).path("components").propertyNames().forEach(names::add);
        return names;
    }
}
