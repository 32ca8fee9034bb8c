package io.zrt.relay.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The relay's Prometheus meters: {@code zrt_relay_published_total}, {@code zrt_relay_duplicates_total} (acks
 * flagged duplicate by JetStream), {@code zrt_relay_errors_total{kind}}, {@code zrt_relay_lag_seconds},
 * {@code zrt_relay_leader}, the insert-to-ack latency {@code zrt_relay_ack_latency_seconds} and the change
 * stream reads {@code zrt_relay_stream_reads_total{result=event|empty}} (empty reads are the idle cost), and
 * {@code zrt_relay_seq_conflicts_total} / {@code zrt_relay_halted_groups} (a reused seq halted a group).
 */
public class RelayMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter duplicates;
    private final Timer ackLatency;
    private final Counter eventReads;
    private final Counter emptyReads;
    private final Counter seqConflicts;
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();
    private final AtomicLong leader = new AtomicLong();

    public RelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("zrt.relay.published").description("frames acknowledged by JetStream as new")
                .register(registry);
        this.duplicates = Counter.builder("zrt.relay.duplicates")
                .description("publishes JetStream acknowledged as duplicates and dropped").register(registry);
        this.ackLatency = Timer.builder("zrt.relay.ack.latency")
                .description("time from the Node storing a frame to JetStream acknowledging it")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.eventReads = streamReads(registry, "event");
        this.emptyReads = streamReads(registry, "empty");
        this.seqConflicts = Counter.builder("zrt.relay.seq.conflicts")
                .description("groups halted because the frames collection holds another frame at a published seq")
                .register(registry);
        Gauge.builder("zrt.relay.leader", leader, AtomicLong::get)
                .description("1 while this instance holds the relay lease").register(registry);
        // Every kind at 0 from the start, so that dashboards and rate() have the series before the first error.
        ERROR_KINDS.forEach(this::errorCounter);
    }

    /** The kinds {@link #error} is called with. */
    static final java.util.List<String> ERROR_KINDS = java.util.List.of("publish", "mongo", "stream", "malformed", "lease");

    /** Registers the lag gauge; {@code lagSeconds} must be cheap (a cached value). */
    public void registerLag(Supplier<Double> lagSeconds) {
        Gauge.builder("zrt.relay.lag", lagSeconds::get).baseUnit("seconds")
                .description("age of the oldest frame not yet relayed").register(registry);
    }

    /** Registers the gauge of groups currently halted by a seq conflict. */
    public void registerHaltedGroups(Supplier<Integer> count) {
        Gauge.builder("zrt.relay.halted.groups", () -> count.get())
                .description("groups whose publishing is halted by a seq conflict").register(registry);
    }

    /** A group was halted by a seq conflict. */
    public void seqConflict() {
        seqConflicts.increment();
    }

    public double seqConflictCount() {
        return seqConflicts.count();
    }

    public void acknowledged(boolean duplicate, Instant createdAt) {
        (duplicate ? duplicates : published).increment();
        Duration latency = Duration.between(createdAt, Instant.now());
        if (!latency.isNegative()) {
            ackLatency.record(latency);
        }
    }

    private static Counter streamReads(MeterRegistry registry, String result) {
        return Counter.builder("zrt.relay.stream.reads").tag("result", result)
                .description("reads of the change stream, by whether they returned an event").register(registry);
    }

    /** One read of the change stream returned an event, or nothing. */
    public void streamRead(boolean event) {
        (event ? eventReads : emptyReads).increment();
    }

    /** kind: publish, mongo, stream, malformed, lease. */
    public void error(String kind) {
        errorCounter(kind).increment();
    }

    private Counter errorCounter(String kind) {
        return errors.computeIfAbsent(kind, k -> Counter.builder("zrt.relay.errors").tag("kind", k)
                .description("failures by kind; each is retried").register(registry));
    }

    public void leader(boolean isLeader) {
        leader.set(isLeader ? 1 : 0);
    }

    public double publishedCount() {
        return published.count();
    }

    public double duplicateCount() {
        return duplicates.count();
    }
}
