package io.zrt.testkit.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Docker;
import io.zrt.testkit.internal.Lazy;
import io.zrt.testkit.internal.Settings;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * A MongoDB endpoint for tests, shared by the whole JVM and started on first use.
 * Resolution order: {@code ZRT_MONGO_URI}; Testcontainers (a single-node replica set) when Docker runs;
 * otherwise an embedded mongo-java-server (in-memory H2 backend, oplog enabled so change streams work,
 * no transactions) on a free loopback port. The embedded server always works, so Mongo never skips.
 */
public final class TestMongo {

    private static final Lazy<MongoEndpoint> SHARED = new Lazy<>(TestMongo::resolve);

    private TestMongo() {
    }

    /** Connection string, e.g. {@code mongodb://127.0.0.1:40123}. Pick your own database name. */
    public static String uri() {
        return SHARED.get().uri();
    }

    public static MongoEndpoint endpoint() {
        return SHARED.get();
    }

    /** A database name nobody else uses in this server, so tests do not see each other's data. */
    public static String uniqueDatabaseName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static MongoEndpoint resolve() {
        var fromEnvironment = Settings.get("ZRT_MONGO_URI");
        if (fromEnvironment.isPresent()) {
            return new MongoEndpoint(fromEnvironment.get(), "environment", true);
        }
        if (Docker.available()) {
            return MongoContainers.start();
        }
        return startEmbedded();
    }

    /** Starts a fresh embedded server (not the shared one); it is stopped at JVM exit. */
    static MongoEndpoint startEmbedded() {
        MongoServer server = new MongoServer(H2Backend.inMemory());
        server.enableOplog();
        server.bind("127.0.0.1", 0);
        Cleanup.atExit(server::shutdownNow);
        InetSocketAddress address = server.getLocalAddress();
        return new MongoEndpoint("mongodb://127.0.0.1:" + address.getPort(), "embedded mongo-java-server", false);
    }
}
