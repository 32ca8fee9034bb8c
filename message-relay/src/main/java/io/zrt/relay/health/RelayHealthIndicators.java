package io.zrt.relay.health;

import com.mongodb.client.MongoDatabase;
import io.nats.client.Connection;
import io.zrt.relay.watch.RelayEngine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health of the relay's dependencies and of the relay itself, shown under {@code /actuator/health}. */
public final class RelayHealthIndicators {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private RelayHealthIndicators() {
    }

    /**
     * MongoDB answers {@code ping} (the embedded test server has no {@code hello}). Bounded by a short timeout so
     * that a hanging server selection cannot block the health endpoint.
     */
    public static HealthIndicator mongo(MongoDatabase database) {
        return () -> {
            try {
                Document reply = CompletableFuture.supplyAsync(() -> database.runCommand(new Document("ping", 1)))
                        .get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return Health.up().withDetail("database", database.getName()).withDetail("ok", reply.get("ok")).build();
            } catch (Exception e) {
                return Health.down().withDetail("database", database.getName())
                        .withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    /** The NATS connection is established (the client reconnects by itself while it is not). */
    public static HealthIndicator nats(Connection connection) {
        return () -> {
            Connection.Status status = connection.getStatus();
            Health.Builder builder = status == Connection.Status.CONNECTED ? Health.up() : Health.down();
            return builder.withDetail("status", status.name()).build();
        };
    }

    /** Relay lag and role; DOWN when the oldest unrelayed frame is older than {@code maxLag}. */
    public static HealthIndicator relay(LagMonitor lag, RelayEngine engine, Duration maxLag) {
        return () -> {
            LagMonitor.Lag current = lag.last();
            Health.Builder builder = current.lag().compareTo(maxLag) > 0 ? Health.down() : Health.up();
            builder.withDetail("lagSeconds", current.lag().toMillis() / 1000.0)
                    .withDetail("maxLagSeconds", maxLag.toSeconds())
                    .withDetail("role", engine.isLeader() ? "leader" : "standby")
                    .withDetail("instance", engine.instanceId());
            current.failure().ifPresent(failure -> builder.withDetail("lagError", failure));
            if (current.measuredAt() != null) {
                builder.withDetail("measuredAt", current.measuredAt().toString());
            }
            return builder.build();
        };
    }
}
