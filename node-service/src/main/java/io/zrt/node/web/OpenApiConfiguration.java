package io.zrt.node.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Title and summary of the OpenAPI document served at {@code /v3/api-docs}, checked in as
 * docs/openapi/node-service.json (a test requires the two to be identical). The server is relative, so the
 * document does not depend on where the Node runs.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI nodeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ZRT Node").version("v1")
                        .description("The verifying delivery service: it checks every frame (signature, eligibility "
                                + "and branch proofs, the epoch rule) before it stores and relays it, and serves "
                                + "frames, public trees, status and push tokens to those who prove membership. "
                                + "Protobuf bodies are messages of package zrt.v1 (common-protocol/src/main/proto/"
                                + "zrt.proto); errors are RFC 9457 problem documents with a stable code "
                                + "(docs/api.md).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("the Node answering this request")));
    }
}
