package io.zrt.relay;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the relay can be told, under {@code zrt.relay.*}. The MongoDB connection itself is Spring Boot's
 * {@code spring.mongodb.uri}; only the database and collection names live here (the Node uses the same
 * database property default, {@code zrt}).
 *
 * @param namespace    Centrifugo namespace and the middle part of the subject {@code events.<namespace>.<groupId>}
 * @param instanceId   identifies this process in the lease document; random when not set
 * @param maxPending   frames read from MongoDB but not yet relayed, per process (back-pressure for scan and stream)
 * @param rescanInterval how often unrelayed frames are looked for outside the change stream (safety net)
 * @param rescanMinAge a frame must be at least this old before the periodic rescan picks it up
 * @param shutdownTimeout how long a graceful stop waits for in-flight publishes and their relayed markers
 * @param changeStream how the change stream is read
 */
@ConfigurationProperties("zrt.relay")
public record RelayProperties(
        String namespace,
        String instanceId,
        Integer maxPending,
        Duration rescanInterval,
        Duration rescanMinAge,
        Duration shutdownTimeout,
        Mongo mongo,
        Nats nats,
        Lease lease,
        Health health,
        ChangeStream changeStream) {

    public RelayProperties {
        namespace = orDefault(namespace, "personal");
        if (!namespace.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("zrt.relay.namespace must be a plain token, got: " + namespace);
        }
        instanceId = orDefault(instanceId, UUID.randomUUID().toString());
        maxPending = orDefault(maxPending, 10_000);
        if (maxPending < 1) {
            throw new IllegalArgumentException("zrt.relay.max-pending must be positive");
        }
        rescanInterval = orDefault(rescanInterval, Duration.ofSeconds(30));
        rescanMinAge = orDefault(rescanMinAge, Duration.ofSeconds(5));
        shutdownTimeout = orDefault(shutdownTimeout, Duration.ofSeconds(20));
        mongo = orDefault(mongo, new Mongo(null, null, null));
        nats = orDefault(nats, new Nats(null, null, null, null, null, null));
        lease = orDefault(lease, new Lease(null, null));
        health = orDefault(health, new Health(null));
        changeStream = orDefault(changeStream, new ChangeStream(null, null));
    }

    /** A configuration with every default, for tests and tools. */
    public static RelayProperties defaults() {
        return new RelayProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param database         database holding {@code frames} (default {@code zrt}, same as the Node)
     * @param framesCollection written by the Node, read and marked by the relay
     * @param stateCollection  the relay's own lease and resume token documents
     */
    public record Mongo(String database, String framesCollection, String stateCollection) {
        public Mongo {
            database = orDefault(database, "zrt");
            framesCollection = orDefault(framesCollection, "frames");
            stateCollection = orDefault(stateCollection, "relay_state");
        }
    }

    /**
     * @param url             NATS server URL(s), comma separated
     * @param stream          JetStream stream, created when missing
     * @param subjectPrefix   first subject token; the stream captures {@code <prefix>.>}
     * @param duplicateWindow JetStream de-duplication window of the stream (at least two minutes)
     * @param publishTimeout  how long to wait for one publish acknowledgement before retrying
     * @param connectionName  shown in the NATS server's connection list
     */
    public record Nats(String url, String stream, String subjectPrefix, Duration duplicateWindow,
            Duration publishTimeout, String connectionName) {
        public Nats {
            url = orDefault(url, "nats://127.0.0.1:4222");
            stream = orDefault(stream, "EVENTS");
            subjectPrefix = orDefault(subjectPrefix, "events");
            duplicateWindow = orDefault(duplicateWindow, Duration.ofMinutes(2));
            if (duplicateWindow.compareTo(Duration.ofMinutes(2)) < 0) {
                throw new IllegalArgumentException("zrt.relay.nats.duplicate-window must be at least 2 minutes");
            }
            publishTimeout = orDefault(publishTimeout, Duration.ofSeconds(5));
            connectionName = orDefault(connectionName, "zrt-message-relay");
        }
    }

    /**
     * @param ttl           how long a lease lasts without renewal; a crashed leader is replaced after about this long
     * @param renewInterval how often the leader renews and a standby tries to take over
     */
    public record Lease(Duration ttl, Duration renewInterval) {
        public Lease {
            ttl = orDefault(ttl, Duration.ofSeconds(10));
            renewInterval = orDefault(renewInterval, ttl.dividedBy(3));
            if (renewInterval.compareTo(ttl.dividedBy(2)) > 0) {
                throw new IllegalArgumentException("zrt.relay.lease.renew-interval must be at most half the ttl");
            }
        }
    }

    /** @param maxLag relay lag (age of the oldest unrelayed frame) above which the relay reports DOWN */
    public record Health(Duration maxLag) {
        public Health {
            maxLag = orDefault(maxLag, Duration.ofSeconds(60));
        }
    }

    /**
     * @param maxAwait  how long one read of the change stream waits on the server for an event (MongoDB's
     *                  {@code maxAwaitTimeMS} of the {@code getMore}); an idle relay reads about once per this
     * @param idlePoll  the longest pause after an empty read that came back early, i.e. from a server that
     *                  does not wait (the embedded mongo-java-server answers at once, which made an idle relay
     *                  and the server hosting it spin on {@code getMore}); pauses start at 1 ms after an event
     *                  and double while reads stay empty; never on real MongoDB, whose empty reads take
     *                  {@code maxAwait}
     */
    public record ChangeStream(Duration maxAwait, Duration idlePoll) {
        public ChangeStream {
            maxAwait = orDefault(maxAwait, Duration.ofMillis(500));
            idlePoll = orDefault(idlePoll, Duration.ofMillis(20));
            if (maxAwait.isNegative() || maxAwait.isZero() || idlePoll.isNegative()
                    || idlePoll.compareTo(maxAwait) > 0) {
                throw new IllegalArgumentException(
                        "zrt.relay.change-stream: max-await must be positive and idle-poll between 0 and max-await");
            }
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
