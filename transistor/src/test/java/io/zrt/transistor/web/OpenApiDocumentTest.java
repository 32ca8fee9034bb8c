package io.zrt.transistor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.transistor.TransistorTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description checked into docs/ is exactly what the running Transistor serves at /v3/api-docs.
 * After an API change: {@code ./mvnw -pl transistor test -Dtest=OpenApiDocumentTest -Dzrt.openapi.write=true}.
 */
class OpenApiDocumentTest extends TransistorTestBase {

    static final Path CHECKED_IN = Path.of("..", "docs", "openapi", "transistor.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theServedDocumentIsTheCheckedInOne() throws Exception {
        HttpResponse<String> served = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(served.body());
        if (Boolean.getBoolean("zrt.openapi.write")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document)
                    + "\n", StandardCharsets.UTF_8);
        }
        assertThat(CHECKED_IN).as("docs/openapi/transistor.json (see this test's javadoc)").isRegularFile();
        assertThat(document).as("the served description differs from docs/openapi/transistor.json; regenerate it "
                + "with -Dzrt.openapi.write=true and review the diff").isEqualTo(JSON.readTree(Files.readString(CHECKED_IN)));
        assertThat(document.at("/paths/~1transistor~1v1~1public~1blobs~1{id}/put/requestBody/content")
                .has("application/octet-stream")).isTrue();
    }
}
