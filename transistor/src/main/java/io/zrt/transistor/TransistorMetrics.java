package io.zrt.transistor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters exported to Prometheus as {@code zrt_transistor_<kind>_<event>_total}, e.g.
 * {@code zrt_transistor_transfers_stored_total}: every ZRT service names its own meters
 * {@code zrt.<service>.*} (docs/operations.md, "Monitoring").
 */
@Component
public class TransistorMetrics {

    /** What a counter counts. */
    public enum Kind { TRANSFERS, BLOBS }

    static final String PREFIX = "zrt.transistor.";
    private static final String STORED = "items accepted and stored";
    private static final String READ = "items handed out (and thereby deleted)";
    private static final String EXPIRED = "items deleted unread by the expiry sweep";

    private final MeterRegistry registry;

    public TransistorMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front, so that every counter is scraped (as 0) from the start: rate() and dashboards
        // need the series before the first item arrives.
        for (Kind kind : Kind.values()) {
            counter(kind, "stored", STORED);
            counter(kind, "read", READ);
            counter(kind, "expired", EXPIRED);
        }
    }

    public void stored(Kind kind) {
        counter(kind, "stored", STORED).increment();
    }

    public void read(Kind kind) {
        counter(kind, "read", READ).increment();
    }

    public void expired(Kind kind, long count) {
        counter(kind, "expired", EXPIRED).increment(count);
    }

    private Counter counter(Kind kind, String event, String description) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        return Counter.builder(PREFIX + name + "." + event).description(name + ": " + description)
                .register(registry);
    }
}
