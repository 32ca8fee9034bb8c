package io.zrt.node.storage;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Filters;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Node's collections and their indexes. The unique indexes are what makes concurrent writers on
 * several instances safe; the partial and TTL indexes are optimisations that a server without them (the
 * embedded mongo-java-server) may refuse, which is logged and otherwise harmless.
 */
public final class Collections {

    public static final String FRAMES = "frames";
    public static final String GROUPS = "groups";
    public static final String TREES = "trees";
    public static final String CHALLENGES = "challenges";
    public static final String RATE_LIMITS = "rateLimits";

    private static final Logger log = LoggerFactory.getLogger(Collections.class);

    private final MongoDatabase database;

    public Collections(MongoClient client, String databaseName) {
        this.database = client.getDatabase(databaseName);
    }

    public MongoCollection<Document> frames() {
        return database.getCollection(FRAMES);
    }

    public MongoCollection<Document> groups() {
        return database.getCollection(GROUPS);
    }

    public MongoCollection<Document> trees() {
        return database.getCollection(TREES);
    }

    public MongoCollection<Document> challenges() {
        return database.getCollection(CHALLENGES);
    }

    /** Fixed-window request counters (see io.zrt.node.ratelimit.RateLimiter). */
    public MongoCollection<Document> rateLimits() {
        return database.getCollection(RATE_LIMITS);
    }

    public MongoDatabase database() {
        return database;
    }

    /** Idempotent: creating an index that exists with the same definition is a no-op. */
    public void ensureIndexes() {
        frames().createIndex(Indexes.ascending(FrameLog.GROUP_ID, FrameLog.SEQ),
                new IndexOptions().name("groupId_seq").unique(true));
        frames().createIndex(Indexes.ascending(FrameLog.GROUP_ID, FrameLog.NONCE),
                new IndexOptions().name("groupId_nonce").unique(true));
        optional("frames partial index on unrelayed frames", () -> frames().createIndex(
                Indexes.ascending(FrameLog.RELAYED, FrameLog.GROUP_ID, FrameLog.SEQ),
                new IndexOptions().name("unrelayed").partialFilterExpression(Filters.eq(FrameLog.RELAYED, false))));
        trees().createIndex(Indexes.ascending(TreeStore.GROUP_ID, TreeStore.EPOCH),
                new IndexOptions().name("groupId_epoch").unique(true));
        optional("challenge TTL index", () -> challenges().createIndex(Indexes.ascending(ChallengeStore.EXPIRES_AT),
                new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS)));
        optional("rate-limit counter TTL index", () -> rateLimits().createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS)));
    }

    private static void optional(String what, Runnable action) {
        try {
            action.run();
        } catch (MongoException | UnsupportedOperationException e) {
            log.info("{} not created ({}); correctness does not depend on it", what, e.getMessage());
        }
    }
}
