package io.zrt.transistor.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Title and summary of the OpenAPI document served at {@code /v3/api-docs}, checked in as
 * docs/openapi/transistor.json (a test requires the two to be identical). The server is relative, so the
 * document does not depend on where Transistor runs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI transistorOpenApi() {
        return new OpenAPI().info(new Info().title("ZRT Transistor").version("v1")
                .description("Read-once hand-over of JSON transfers and binary blobs: each item can be read "
                        + "exactly once and expires unread after a configurable time. Errors are RFC 9457 problem "
                        + "documents with a stable code (docs/transistor.md).")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("the Transistor answering this request")));
    }
}
