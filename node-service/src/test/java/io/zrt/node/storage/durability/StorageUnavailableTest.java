package io.zrt.node.storage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Node whose database goes away (a real server, shut down): a frame it cannot store durably is answered with
 * 503 {@code storage_unavailable} and {@code Retry-After}, never with 201 and never with a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageUnavailableTest {

    private static final MongoServer DATABASE = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = bound();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + ADDRESS.getPort()
                + "/?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000");
    }

    private static InetSocketAddress bound() {
        DATABASE.bind("127.0.0.1", 0);
        return DATABASE.getLocalAddress();
    }

    @AfterAll
    static void stop() {
        DATABASE.shutdownNow();
    }

    @Test
    void aFrameThatCannotBeStoredIsA503ToRetry() {
        NodeClient client = new NodeClient(port);
        GroupDriver group = GroupDriver.create();
        GroupDriver.Pending init = group.init();
        assertThat(client.postFrame(group.id(), init.bytes()).status()).isEqualTo(201);
        group.accept(init);

        DATABASE.shutdownNow();
        NodeClient.Response refused = client.postFrame(group.id(), group.plain().bytes());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("storage_unavailable");
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
    }
}
