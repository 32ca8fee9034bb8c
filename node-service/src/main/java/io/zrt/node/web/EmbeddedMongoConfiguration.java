package io.zrt.node.web;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import io.zrt.node.storage.durability.DurabilityProperties;
import io.zrt.node.storage.durability.DurableH2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The development database of the {@code local} profile: when no MongoDB is configured, a mongo-java-server
 * with its H2 (MVStore) file backend runs in-process on loopback, with the oplog enabled so that change
 * streams (the message-relay) work. Data lives in {@code zrt.node.embedded-mongo.data-dir} and survives
 * restarts, crashes included: every write is on disk before it is acknowledged ({@link DurableH2Backend}). The
 * embedded server has no multi-document transactions, TTL expiry or partial indexes; the Node needs none of them
 * for correctness. Its classes are only in {@code node-service-local.jar}; without the profile, or in the
 * production jar, {@link MongoRequirement} stops a start without a configured MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@Profile(MongoRequirement.LOCAL_PROFILE)
@ConditionalOnClass(name = MongoRequirement.EMBEDDED_SERVER_CLASS)
@Conditional(EmbeddedMongoConfiguration.NoMongoConfigured.class)
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(NodeProperties properties, DurabilityProperties durability) {
        Path dir = Path.of(properties.embeddedMongo().dataDir()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve("node.mv").toString(),
                durability.embeddedFsync()));
        server.enableOplog();
        server.bind("127.0.0.1", properties.embeddedMongo().port());
        log.info("embedded MongoDB (mongo-java-server, H2 file {}) on {}; every write is committed{} before it is "
                + "acknowledged", dir.resolve("node.mv"), server.getLocalAddress(),
                durability.embeddedFsync() ? " and forced to the disk" : " (not forced to the disk: a machine crash "
                        + "can lose acknowledged frames)");
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://127.0.0.1:" + address.getPort());
        return () -> uri;
    }

    static final class NoMongoConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !MongoRequirement.configured(context.getEnvironment());
        }
    }
}
