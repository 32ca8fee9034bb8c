package io.zrt.node.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code zrt.node}. The MongoDB connection itself is Spring Boot's {@code spring.mongodb.uri};
 * without it the Node does not start ({@link MongoRequirement}), except under the {@code local} profile, which
 * runs an embedded server (see {@link EmbeddedMongoConfiguration}).
 *
 * @param database          MongoDB database name
 * @param maxFrameSize      largest accepted Frame (413 above)
 * @param challengeLifetime how long a read challenge can be used
 * @param rateLimit         request limits (429), counted in MongoDB and shared by all instances
 */
@ConfigurationProperties("zrt.node")
public record NodeProperties(
        @DefaultValue("zrt") String database,
        @DefaultValue("1MB") DataSize maxFrameSize,
        @DefaultValue("60s") Duration challengeLifetime,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Push push,
        @DefaultValue EmbeddedMongo embeddedMongo) {

    /**
     * Fixed-window limits; 0 switches a limit off.
     *
     * @param window             length of a counting window (whole seconds)
     * @param framesPerGroup     POST frames per group and window
     * @param challengesPerGroup challenges issued per group and window
     * @param perClientAddress   POST frames and challenges per client address and window; off by default,
     *                           because behind a load balancer every request comes from the balancer's address
     */
    public record RateLimit(@DefaultValue("60s") Duration window, @DefaultValue("1200") int framesPerGroup,
            @DefaultValue("1200") int challengesPerGroup, @DefaultValue("0") int perClientAddress) {
    }

    /**
     * @param hmacSecret    the HS256 secret shared with Centrifugo (at least 32 bytes; empty disables tokens);
     *                      bound from the environment, never committed
     * @param tokenLifetime the {@code exp} of issued tokens
     * @param namespace     the Centrifugo channel namespace: channels are {@code <namespace>:<groupId>}
     */
    public record Push(@DefaultValue("") String hmacSecret, @DefaultValue("10m") Duration tokenLifetime,
            @DefaultValue("personal") String namespace) {

        @Override
        public String toString() {
            return "Push[hmacSecret=<redacted>, tokenLifetime=" + tokenLifetime + ", namespace=" + namespace + "]";
        }
    }

    /**
     * The embedded server of the {@code local} profile.
     *
     * @param dataDir directory of the H2 MVStore file that keeps the embedded server's data across restarts
     * @param port    loopback port of the embedded server; 0 picks a free one
     */
    public record EmbeddedMongo(@DefaultValue("./data/node-mongo") String dataDir, @DefaultValue("0") int port) {
    }
}
