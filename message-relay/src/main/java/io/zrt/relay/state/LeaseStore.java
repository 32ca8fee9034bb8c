package io.zrt.relay.state;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The leader lease: one document in the state collection naming the instance that may relay, until when,
 * and a fencing number that grows with every change of leader. Writes that only a leader may do (the resume
 * token) carry the fencing number, so a leader that was replaced while paused cannot overwrite its
 * successor's work.
 *
 * <p>Time comes from the instances' clocks (the embedded test server has no {@code $$NOW}); the lease TTL must
 * therefore be much larger than the clock skew between relay hosts.
 */
public class LeaseStore {

    static final String LEASE_ID = "leader";
    private static final String OWNER = "owner";
    private static final String FENCE = "fence";
    private static final String EXPIRES_AT = "expiresAt";

    private final MongoCollection<Document> state;

    public LeaseStore(MongoCollection<Document> state) {
        this.state = state;
    }

    /** A lease held by {@code owner} with fencing number {@code fence}. */
    public record Grant(String owner, long fence) {
    }

    /** Takes the lease when it is free or expired; empty when another live instance holds it. */
    public Optional<Grant> tryAcquire(String owner, Duration ttl) {
        Instant now = Instant.now();
        Document taken = state.findOneAndUpdate(
                Filters.and(Filters.eq("_id", LEASE_ID), Filters.lt(EXPIRES_AT, Date.from(now))),
                Updates.combine(Updates.set(OWNER, owner), Updates.set(EXPIRES_AT, Date.from(now.plus(ttl))),
                        Updates.inc(FENCE, 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (taken != null) {
            return owner.equals(taken.getString(OWNER))
                    ? Optional.of(new Grant(owner, ((Number) taken.get(FENCE)).longValue()))
                    : Optional.empty();
        }
        try {
            state.insertOne(new Document("_id", LEASE_ID).append(OWNER, owner).append(FENCE, 1L)
                    .append(EXPIRES_AT, Date.from(now.plus(ttl))));
            return Optional.of(new Grant(owner, 1L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty(); // somebody holds it (or just took it)
            }
            throw e;
        }
    }

    /** Extends the lease; false when it has been taken over (the caller must stop relaying at once). */
    public boolean renew(Grant grant, Duration ttl) {
        return state.updateOne(held(grant), Updates.set(EXPIRES_AT, Date.from(Instant.now().plus(ttl))))
                .getMatchedCount() == 1;
    }

    /** Gives the lease up so that a standby takes over without waiting for expiry. */
    public void release(Grant grant) {
        state.updateOne(held(grant), Updates.set(EXPIRES_AT, new Date(0)));
    }

    /** The current holder, for operations and tests. */
    public Optional<String> currentOwner() {
        Document lease = state.find(Filters.eq("_id", LEASE_ID)).first();
        if (lease == null || !(lease.get(EXPIRES_AT) instanceof Date expiry) || expiry.before(new Date())) {
            return Optional.empty();
        }
        return Optional.ofNullable(lease.getString(OWNER));
    }

    private static org.bson.conversions.Bson held(Grant grant) {
        return Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq(OWNER, grant.owner()), Filters.eq(FENCE, grant.fence()));
    }
}
