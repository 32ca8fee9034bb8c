package io.zrt.node.web;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Replaces Spring Boot's MongoDB health indicator, which runs {@code hello}, a command the embedded
 * mongo-java-server lacks (it would report DOWN on a healthy server). {@code ping} works on both.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    public MongoPingHealthIndicator(MongoClient client, String database) {
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = client.getDatabase(database).runCommand(new Document("ping", 1));
        Object ok = reply.get("ok");
        if (ok instanceof Number n && n.doubleValue() == 1.0) {
            builder.up().withDetail("database", database);
        } else {
            builder.down().withDetail("reply", reply.toJson());
        }
    }
}
