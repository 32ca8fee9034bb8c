package io.zrt.transistor.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and summary of the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI transistorOpenApi() {
        return new OpenAPI().info(new Info().title("ZRT Transistor").version("v1")
                .description("Read-once hand-over of JSON transfers and binary blobs: each item can be read "
                        + "exactly once and expires unread after a configurable time."));
    }
}
