package io.zrt.transistor;

import io.zrt.testkit.postgres.PostgresEndpoint;
import io.zrt.testkit.postgres.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running application on a random port, backed by a fresh database on the testkit's PostgreSQL. All
 * subclasses share one application context. Limits are lowered so oversize cases stay cheap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zrt.transistor.max-transfer-size=64KB",
        "zrt.transistor.max-blob-size=1MB",
        "zrt.transistor.sweep-interval=1h"})
public abstract class TransistorTestBase {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    /** The actuator's own port, as in production. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresEndpoint database = TestPostgres.createDatabase("transistor");
        database.dataSourceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String transferJson(UUID id, String data) {
        return "{\"data\":{\"id\":\"" + id + "\",\"type\":\"transfers\",\"attributes\":{\"data\":\"" + data + "\"}}}";
    }

    protected HttpResponse<String> postTransfer(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers"))
                .header("Content-Type", "application/vnd.api+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> getTransfer(String id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers/" + id)).GET());
    }
}
