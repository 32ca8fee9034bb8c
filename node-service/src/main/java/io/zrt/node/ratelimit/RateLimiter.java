package io.zrt.node.ratelimit;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;

/**
 * Fixed-window request counters in MongoDB, shared by every Node instance: the limit holds however many
 * instances serve a group, and no instance keeps state of its own. One counter document per (scope, key,
 * window), incremented with a single atomic upsert; a request that makes the count exceed the limit is
 * refused with {@link Rejection#RATE_LIMITED} and the seconds until the window ends.
 *
 * <p>A fixed window admits up to twice the limit across a window boundary; that is acceptable for a
 * protective limit and costs one round trip instead of a sliding log. Expired counters are removed by a TTL
 * index on {@code expiresAt} where the server has one; correctness never depends on it, because each
 * window has its own document.
 */
public final class RateLimiter {

    /** What is counted; each scope has its own limit ({@code 0} = unlimited). */
    public enum Scope {
        /** Frames whose proofs verified, per group (charged just before the frame is stored). */
        GROUP_FRAMES("frames"),
        /** Challenges redeemed by a read proof that verified, per group. */
        GROUP_CHALLENGES("challenges"),
        /** Unauthenticated requests (challenges, status without proof) and refused requests, per client address. */
        CLIENT_ADDRESS("address");

        private final String prefix;

        Scope(String prefix) {
            this.prefix = prefix;
        }
    }

    public static final String EXPIRES_AT = "expiresAt";
    private static final String COUNT = "count";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final Duration window;
    private final Map<Scope, Integer> limits;

    public RateLimiter(MongoCollection<Document> counters, Clock clock, Duration window, Map<Scope, Integer> limits) {
        if (window.isNegative() || window.isZero() || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the rate-limit window must be a positive whole number of seconds");
        }
        this.counters = counters;
        this.clock = clock;
        this.window = window;
        this.limits = Map.copyOf(limits);
    }

    /** Counts one request; throws when it is over the scope's limit for the current window. */
    public void acquire(Scope scope, String key) throws RateLimitedException {
        int limit = limits.getOrDefault(scope, 0);
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        long windowStart = windowStart(now);
        Instant windowEnd = Instant.ofEpochSecond(windowStart + window.toSeconds());
        long count = increment(id(scope, key, windowStart), windowEnd);
        if (count > limit) {
            throw limited(scope, limit, now, windowEnd);
        }
    }

    /**
     * Refuses without counting when the key has used up its budget in the current window: checked before a
     * request is served whose outcome decides whether it is counted ({@link #charge}).
     */
    public void checkBudget(Scope scope, String key) throws RateLimitedException {
        int limit = limits.getOrDefault(scope, 0);
        if (limit <= 0) {
            return;
        }
        Instant now = clock.instant();
        long windowStart = windowStart(now);
        Document counter = counters.find(new Document("_id", id(scope, key, windowStart))).first();
        if (counter != null && counter.get(COUNT, Number.class).longValue() >= limit) {
            throw limited(scope, limit, now, Instant.ofEpochSecond(windowStart + window.toSeconds()));
        }
    }

    /** Counts one request after the fact (it was already answered); never refuses. */
    public void charge(Scope scope, String key) {
        if (limits.getOrDefault(scope, 0) <= 0) {
            return;
        }
        long windowStart = windowStart(clock.instant());
        increment(id(scope, key, windowStart), Instant.ofEpochSecond(windowStart + window.toSeconds()));
    }

    private long windowStart(Instant now) {
        long windowSeconds = window.toSeconds();
        return Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
    }

    private static String id(Scope scope, String key, long windowStart) {
        return scope.prefix + ":" + key + ":" + windowStart;
    }

    private RateLimitedException limited(Scope scope, int limit, Instant now, Instant windowEnd) {
        // Whole seconds, rounded up, so that a client that waits exactly this long lands in the next window.
        long retryAfter = Math.max(1, windowEnd.getEpochSecond() - now.getEpochSecond());
        return new RateLimitedException(scope, limit, window, retryAfter);
    }

    private long increment(String id, Instant windowEnd) {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.AFTER);
        var update = Updates.combine(Updates.inc(COUNT, 1), Updates.setOnInsert(EXPIRES_AT, Date.from(windowEnd)));
        try {
            return counters.findOneAndUpdate(new Document("_id", id), update, upsert).get(COUNT, Number.class)
                    .longValue();
        } catch (MongoException e) {
            if (e.getCode() != DUPLICATE_KEY) {
                throw e;
            }
            // Two first requests of a window raced to insert the counter; it exists now, so this one increments.
            return counters.findOneAndUpdate(new Document("_id", id), update, upsert).get(COUNT, Number.class)
                    .longValue();
        }
    }

    /** 429: over the limit; {@link #retryAfterSeconds()} is when the current window ends. */
    public static final class RateLimitedException extends FrameRejectedException {

        private final long retryAfterSeconds;

        RateLimitedException(Scope scope, int limit, Duration window, long retryAfterSeconds) {
            this("more than " + limit + " requests per " + window.toSeconds() + " s (" + scope.prefix
                    + "); retry after " + retryAfterSeconds + " s", retryAfterSeconds);
        }

        public RateLimitedException(String message, long retryAfterSeconds) {
            super(Rejection.RATE_LIMITED, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
