package io.zrt.transistor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Under the {@code local} profile and without spring.datasource.url the app brings its own PostgreSQL, and its
 * data survives a restart. (Without the profile it refuses to start: {@link StartupRequirementsTest}.)
 */
class EmbeddedStartupTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsWithEmbeddedDatabaseAndKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
        UUID id = UUID.randomUUID();
        String body = "{\"data\":{\"id\":\"" + id + "\",\"type\":\"transfers\",\"attributes\":{\"data\":\"kept\"}}}";
        try (ConfigurableApplicationContext app = start(dataDir)) {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri(app, "/transistor/v1/public/transfers"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(uri(app, "/transistor/v1/public/transfers/" + id))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(body);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TransistorApplication.class)
                .profiles("local")
                .properties("server.port=0", "management.server.port=0", "zrt.transistor.embedded.data-dir=" + dataDir)
                .run();
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
