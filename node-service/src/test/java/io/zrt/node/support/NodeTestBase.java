package io.zrt.node.support;

import io.zrt.testkit.mongo.TestMongo;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Node on a random port against the testkit's MongoDB (ZRT_MONGO_URI, Testcontainers, or an embedded
 * mongo-java-server speaking the real wire protocol), with a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NodeTestBase {

    public static final String DATABASE = TestMongo.uniqueDatabaseName("node");
    public static final String PUSH_SECRET = randomHex(32);

    @LocalServerPort
    protected int port;

    /** The actuator's own port (health, metrics, Prometheus), as in production. */
    @LocalManagementPort
    protected int managementPort;

    protected NodeClient client;
    protected NodeClient management;
    protected StoredState stored;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", TestMongo::uri);
        registry.add("zrt.node.database", () -> DATABASE);
        registry.add("zrt.node.push.hmac-secret", () -> PUSH_SECRET);
    }

    @BeforeEach
    void connect() {
        client = new NodeClient(port);
        management = new NodeClient(managementPort);
        stored = new StoredState(TestMongo.uri(), DATABASE);
    }

    @AfterEach
    void disconnect() {
        stored.close();
    }

    /** Sends a frame that must be accepted, and moves the driver on. */
    protected NodeClient.Response accepted(GroupDriver group, GroupDriver.Pending pending) {
        NodeClient.Response r = client.postFrame(group.id(), pending.bytes());
        if (r.status() != 201) {
            throw new AssertionError("expected 201, got " + r.status() + ": " + new String(r.body()));
        }
        group.accept(pending);
        return r;
    }

    /** The sum of a Prometheus metric's series on the management port whose labels include {@code label}. */
    protected double metric(String name, String label) {
        String text = new String(management.get("/actuator/prometheus").body(),
                java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** A secret made for this test run only. */
    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
