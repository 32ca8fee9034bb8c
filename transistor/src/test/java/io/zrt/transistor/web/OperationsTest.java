package io.zrt.transistor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.transistor.TransistorTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationsTest extends TransistorTestBase {

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusExposesTheTransferCounters() throws Exception {
        UUID id = UUID.randomUUID();
        postTransfer(transferJson(id, "counted"));
        getTransfer(id.toString());
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^transistor_transfers_stored_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("(?m)^transistor_transfers_read_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() throws Exception {
        HttpResponse<String> document = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("/transistor/v1/public/transfers")
                .contains("/transistor/v1/public/blobs/{id}").contains("ZRT Transistor");
    }
}
