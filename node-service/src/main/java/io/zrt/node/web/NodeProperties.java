package io.zrt.node.web;

import io.zrt.node.guard.ClientAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code zrt.node}. The MongoDB connection itself is Spring Boot's {@code spring.mongodb.uri};
 * without it the Node does not start ({@link MongoRequirement}), except under the {@code local} profile, which
 * runs an embedded server (see {@link EmbeddedMongoConfiguration}).
 *
 * @param database          MongoDB database name
 * @param maxFrameSize      largest body of {@code POST /v1/group/{id}/frames}, i.e. largest Frame (413 above)
 * @param maxRequestBody    largest body of every other {@code /v1} endpoint (413 above)
 * @param challengeLifetime how long a read challenge can be used
 * @param rateLimit         request limits (429), counted in MongoDB and shared by all instances
 * @param clientAddress     how the client address of the per-address limits is found
 * @param verifications     caps on concurrent proof-carrying requests, per instance
 */
@Validated
@ConfigurationProperties("zrt.node")
public record NodeProperties(
        @DefaultValue("zrt") String database,
        @DefaultValue("1MB") @NotNull DataSize maxFrameSize,
        @DefaultValue("64KB") @NotNull DataSize maxRequestBody,
        @DefaultValue("60s") Duration challengeLifetime,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid ClientAddress clientAddress,
        @DefaultValue @Valid Verifications verifications,
        @DefaultValue Push push,
        @DefaultValue EmbeddedMongo embeddedMongo) {

    /** Largest body cap either setting may have: bodies are buffered whole before they are parsed. */
    public static final long MAX_BODY_CAP = 64L * 1024 * 1024;

    public NodeProperties {
        for (DataSize cap : new DataSize[] {maxFrameSize, maxRequestBody}) {
            if (cap != null && (cap.toBytes() < 1 || cap.toBytes() > MAX_BODY_CAP)) {
                throw new IllegalArgumentException("zrt.node.max-frame-size and zrt.node.max-request-body must be "
                        + "between 1 B and 64MB, got " + cap);
            }
        }
    }

    /**
     * Fixed-window limits; 0 switches a limit off. Per-group limits count only requests whose proof verified,
     * so nobody outside a group can use up its budget; everything else is counted per client address.
     *
     * @param window             length of a counting window (whole seconds)
     * @param framesPerGroup     frames per group and window whose signature or eligibility and branch proofs
     *                           verified (counted just before storing)
     * @param challengesPerGroup challenges per group, proof epoch and window redeemed by a read proof that verified
     * @param perClientAddress   per client address and window: challenges issued, status reads without a
     *                           proof, and every refused request (4xx other than 429); an address over it gets
     *                           429 for every {@code /v1} request until the window ends
     */
    public record RateLimit(@DefaultValue("60s") Duration window, @DefaultValue("1200") @Min(0) int framesPerGroup,
            @DefaultValue("1200") @Min(0) int challengesPerGroup,
            @DefaultValue("2400") @Min(0) int perClientAddress) {
    }

    /**
     * @param trustedProxies addresses or CIDR ranges of the proxies (load balancers) in front of the Node; only a
     *                       request from one of them has its client address taken from {@code header}
     * @param header         the header a trusted proxy appends the client address to (last entry added last)
     */
    public record ClientAddress(@DefaultValue List<String> trustedProxies,
            @DefaultValue("X-Forwarded-For") @NotBlank String header) {

        public ClientAddress {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            ClientAddresses.validate(trustedProxies);
        }
    }

    /**
     * Requests carrying a proof (frames, reads with a proof, push tokens) in flight at once on this instance.
     *
     * @param maxConcurrent           all clients together; beyond it 503 {@code busy} with Retry-After
     * @param maxConcurrentPerAddress one client address; beyond it 429 {@code rate_limited} with Retry-After
     */
    public record Verifications(@DefaultValue("128") @Min(1) @Max(100_000) int maxConcurrent,
            @DefaultValue("32") @Min(1) @Max(100_000) int maxConcurrentPerAddress) {
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
