package io.zrt.relay.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.zrt.relay.MessageRelayApplication;
import io.zrt.testkit.mongo.TestMongo;
import io.zrt.testkit.nats.TestNats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One isolated relay environment: its own MongoDB database and its own JetStream stream and subject prefix on
 * the testkit's shared servers, so tests neither see nor disturb each other.
 */
public final class RelayTestEnv implements AutoCloseable {

    public final String mongoUri = TestMongo.uri();
    public final String natsUrl = TestNats.url();
    public final String database = TestMongo.uniqueDatabaseName("relay");
    public final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final String stream = "EVENTS_" + suffix;
    public final String subjectPrefix = "ev" + suffix;
    private final MongoClient client = MongoClients.create(mongoUri);

    public RelayTestEnv() {
        TestFrames.createIndexes(frames());
    }

    public MongoDatabase db() {
        return client.getDatabase(database);
    }

    public MongoCollection<Document> frames() {
        return db().getCollection("frames");
    }

    public MongoCollection<Document> state() {
        return db().getCollection("relay_state");
    }

    /** Command-line style properties for a relay instance in this environment. */
    public Map<String, String> relayProperties(String instanceId) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("zrt.relay.mongo.database", database);
        properties.put("zrt.relay.nats.url", natsUrl);
        properties.put("zrt.relay.nats.stream", stream);
        properties.put("zrt.relay.nats.subject-prefix", subjectPrefix);
        properties.put("zrt.relay.instance-id", instanceId);
        properties.put("zrt.relay.lease.ttl", "2s");
        properties.put("zrt.relay.lease.renew-interval", "500ms");
        properties.put("zrt.relay.rescan-interval", "3s");
        properties.put("zrt.relay.rescan-min-age", "1s");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    /** Starts a relay as a Spring application in this JVM. */
    public ConfigurableApplicationContext startRelay(String instanceId, boolean web, Map<String, String> extra) {
        Map<String, String> properties = relayProperties(instanceId);
        properties.putAll(extra);
        SpringApplication application = new SpringApplication(MessageRelayApplication.class);
        application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        return application.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    public ConfigurableApplicationContext startRelay(String instanceId) {
        return startRelay(instanceId, false, Map.of());
    }

    public EventLog eventLog() throws Exception {
        // the relay creates the stream; wait for it so the consumer can bind
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (io.nats.client.Connection connection = io.nats.client.Nats.connect(natsUrl)) {
            while (true) {
                try {
                    connection.jetStreamManagement().getStreamInfo(stream);
                    break;
                } catch (io.nats.client.JetStreamApiException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }
        }
        return new EventLog(natsUrl, stream, subjectPrefix + ".>");
    }

    public long unrelayedCount() {
        return frames().countDocuments(new Document("relayed", false));
    }

    @Override
    public void close() {
        try {
            client.getDatabase(database).drop();
        } catch (RuntimeException ignored) {
            // best effort
        }
        client.close();
    }
}
