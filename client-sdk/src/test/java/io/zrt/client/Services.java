package io.zrt.client;

import io.zrt.testkit.mongo.TestMongo;
import io.zrt.testkit.services.ServiceProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The real services for the SDK's tests, started once per JVM from their packaged jars: node-service against
 * the testkit's MongoDB (so a test can also read the frame log, as the message-relay does) and transistor with
 * its embedded PostgreSQL in its own temporary directory. The push secret is shared with Centrifugo.
 */
final class Services {

    /** HS256 secret shared by the Node's push tokens and Centrifugo's connection-token check (test only). */
    static final String PUSH_SECRET = randomHex(32);
    static final String DATABASE = TestMongo.uniqueDatabaseName("sdk");

    private static ServiceProcess node;
    private static ServiceProcess transistor;

    private Services() {
    }

    static synchronized ServiceProcess node() {
        if (node == null) {
            node = ServiceProcess.start(repo("node-service/target/node-service.jar"), Map.of(
                    "spring.mongodb.uri", TestMongo.uri(),
                    "zrt.node.database", DATABASE,
                    "zrt.node.push.token-lifetime", "20s",
                    // every test client is 127.0.0.1; the per-address limiter has its own tests in node-service
                    "zrt.node.rate-limit.per-client-address", "0"), Map.of("ZRT_PUSH_HMAC_SECRET", PUSH_SECRET));
        }
        return node;
    }

    static synchronized ServiceProcess transistor() {
        if (transistor == null) {
            transistor = ServiceProcess.start(repo("transistor/target/transistor.jar"), Map.of());
        }
        return transistor;
    }

    static ZrtClient.Builder client() {
        return ZrtClient.builder().nodeUrl(node().url()).transistorUrl(transistor().url());
    }

    /** The module runs its tests with client-sdk as working directory; the jars live beside it. */
    private static Path repo(String path) {
        return Path.of("..").resolve(path);
    }

    /** A secret made for this test run only. */
    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
