package io.zrt.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Network time limits.
 *
 * @param connect establishing one TCP (and TLS) connection
 * @param read    the longest silence while reading one answer
 * @param write   the longest stall while writing one request
 * @param call    one whole call: every attempt and every backoff pause between them ({@link Retries})
 */
public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {

    public Timeouts {
        for (Duration d : new Duration[] {connect, read, write, call}) {
            Objects.requireNonNull(d);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(30));
    }
}
