package io.zrt.node.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The OpenAPI description checked into docs/ is exactly what the running Node serves at /v3/api-docs (as JSON,
 * key order aside). After an API change, regenerate it with
 * {@code ./mvnw -pl node-service test -Dtest=OpenApiDocumentTest -Dzrt.openapi.write=true} and review the diff.
 */
class OpenApiDocumentTest extends NodeTestBase {

    static final Path CHECKED_IN = Path.of("..", "docs", "openapi", "node-service.json");

    @Test
    void theServedDocumentIsTheCheckedInOne() throws Exception {
        NodeClient.Response served = client.get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        JsonNode document = served.json();
        if (Boolean.getBoolean("zrt.openapi.write")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.writeString(CHECKED_IN, NodeClient.JSON.writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(CHECKED_IN).as("docs/openapi/node-service.json (see this test's javadoc)").isRegularFile();
        assertThat(document).as("the served description differs from docs/openapi/node-service.json; regenerate it "
                + "with -Dzrt.openapi.write=true and review the diff")
                .isEqualTo(NodeClient.JSON.readTree(Files.readString(CHECKED_IN)));
        assertThat(document.at("/paths/~1v1~1group~1{id}~1frames/post/requestBody/content")
                .has("application/x-protobuf")).as("the protobuf body is described").isTrue();
        assertThat(document.at("/paths").has("/actuator/health")).as("the actuator is not part of the API").isFalse();
    }
}
