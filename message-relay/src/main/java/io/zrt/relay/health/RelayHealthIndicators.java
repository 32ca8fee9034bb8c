package io.zrt.relay.health;

import com.mongodb.client.MongoDatabase;
import io.nats.client.Connection;
import io.zrt.relay.publish.SeqConflicts;
import io.zrt.relay.watch.RelayEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * Relay lag and role; DOWN when the oldest unrelayed frame is older than {@code maxLag}, or while a seq
     * conflict halts a group ({@code haltedGroups} names each group and what disagrees).
     */
    public static HealthIndicator relay(LagMonitor lag, RelayEngine engine, Duration maxLag, SeqConflicts conflicts) {
        return () -> {
            LagMonitor.Lag current = lag.last();
            Map<String, SeqConflicts.Conflict> halted = conflicts.halted();
            Health.Builder builder = current.lag().compareTo(maxLag) > 0 || !halted.isEmpty() ? Health.down()
                    : Health.up();
            if (!halted.isEmpty()) {
                Map<String, String> groups = new LinkedHashMap<>();
                halted.forEach((group, conflict) -> groups.put(group, conflict.describe()));
                builder.withDetail("haltedGroups", groups)
                        .withDetail("action", "seq conflict: publishing of these groups is halted; "
                                + "see docs/operations.md, 'Seq conflicts'");
            }
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
