package io.zrt.client;

import java.time.Duration;
import java.util.Objects;

/** Network timeouts of every HTTP call (connect, read, write) and of a whole call including retries' attempts. */
public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {

    public Timeouts {
        Objects.requireNonNull(connect);
        Objects.requireNonNull(read);
        Objects.requireNonNull(write);
        Objects.requireNonNull(call);
    }

    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(30));
    }
}
