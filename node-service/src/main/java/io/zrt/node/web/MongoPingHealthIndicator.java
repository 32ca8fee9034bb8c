package io.zrt.node.web;

import com.mongodb.client.MongoClient;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Replaces Spring Boot's MongoDB health indicator, which runs {@code hello}, a command the embedded
 * mongo-java-server lacks (it would report DOWN on a healthy server). {@code ping} works on both. The check
 * is bounded (server selection included), so that an unreachable MongoDB makes readiness DOWN within the
 * probe's time instead of after the driver's 30-second server selection.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    static final long TIMEOUT_MILLIS = 2_000;

    private final MongoClient client;
    private final String database;

    public MongoPingHealthIndicator(MongoClient client, String database) {
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = client.getDatabase(database).withTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .runCommand(new Document("ping", 1));
        Object ok = reply.get("ok");
        if (ok instanceof Number n && n.doubleValue() == 1.0) {
            builder.up().withDetail("database", database);
        } else {
            builder.down().withDetail("reply", reply.toJson());
        }
    }
}
