package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code local} profile without a MongoDB URI: embedded mongo-java-server on an H2 file, ready, data kept on
 * restart. (Without the profile the Node refuses to start: {@link StartupRequirementsTest}.)
 */
class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NodeApplication.class).run("--spring.profiles.active=local",
                "--server.port=0", "--management.server.port=0", "--spring.jmx.enabled=false",
                "--zrt.node.embedded-mongo.data-dir=" + dataDir);
    }

    private static NodeClient clientOf(ConfigurableApplicationContext context) {
        return new NodeClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void startsHealthyAndKeepsItsDataAcrossARestart() {
        GroupDriver g = GroupDriver.create();
        try (ConfigurableApplicationContext node = start()) {
            NodeClient client = clientOf(node);
            NodeClient management = new NodeClient(
                    Integer.parseInt(node.getEnvironment().getProperty("local.management.port")));
            NodeClient.Response readiness = management.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
            GroupDriver.Pending init = g.init();
            assertThat(client.postFrame(g.id(), init.bytes()).status()).isEqualTo(201);
            g.accept(init);
            assertThat(client.postFrame(g.id(), g.plain().bytes()).status()).isEqualTo(201);
        }
        assertThat(Files.exists(dataDir.resolve("node.mv"))).isTrue();
        try (ConfigurableApplicationContext node = start()) {
            NodeClient client = clientOf(node);
            assertThat(client.get("/v1/group/" + g.id().text() + "/status").status()).isEqualTo(200);
            NodeClient.Response next = client.postFrame(g.id(), g.plain().bytes());
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().path("seq").asLong()).isEqualTo(2);
        }
    }
}
