package io.zrt.node.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;

/**
 * Read challenges, shared by all instances. Consumption is one atomic find-and-delete whose filter also
 * demands an unexpired {@code expiresAt}: a challenge works once, on any instance, and never after expiry,
 * whether or not a TTL index has cleaned it up yet.
 */
public final class ChallengeStore {

    public static final String GROUP_ID = "groupId";
    public static final String EXPIRES_AT = "expiresAt";

    private final Collections collections;

    public ChallengeStore(Collections collections) {
        this.collections = collections;
    }

    public void insert(String groupId, byte[] challenge, Instant expiresAt) {
        collections.challenges().insertOne(new Document("_id", HexFormat.of().formatHex(challenge))
                .append(GROUP_ID, groupId).append(EXPIRES_AT, Date.from(expiresAt)));
    }

    /** True exactly once for a challenge issued for this group and not yet expired at {@code now}. */
    public boolean consume(String groupId, byte[] challenge, Instant now) {
        return collections.challenges().findOneAndDelete(and(eq("_id", HexFormat.of().formatHex(challenge)),
                eq(GROUP_ID, groupId), gt(EXPIRES_AT, Date.from(now)))) != null;
    }
}
