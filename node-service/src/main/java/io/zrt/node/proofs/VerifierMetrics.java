package io.zrt.node.proofs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The verifier's Micrometer meters (exported at {@code /actuator/metrics} and {@code /actuator/prometheus}):
 *
 * <ul>
 *   <li>{@code zrt.node.branch.proofs.batch.size} — proofs per verified batch (count = batches);</li>
 *   <li>{@code zrt.node.branch.proofs.batch.duration} — time to settle a batch, bisection included;</li>
 *   <li>{@code zrt.node.branch.proofs.batch.failed} — batches that held a bad proof and were bisected;</li>
 *   <li>{@code zrt.node.branch.proofs.verified}, tag {@code result} = {@code valid} / {@code invalid} /
 *       {@code malformed} (bytes that do not decode, refused before queueing);</li>
 *   <li>{@code zrt.node.branch.proofs.busy}, tag {@code reason} — requests answered 503 unverified;</li>
 *   <li>{@code zrt.node.branch.proofs.queued} — proofs waiting for a worker.</li>
 * </ul>
 */
final class VerifierMetrics {

    static final String PREFIX = "zrt.node.branch.proofs";

    private final DistributionSummary batchSize;
    private final Timer batchDuration;
    private final Counter failedBatches;
    private final Counter valid;
    private final Counter invalid;
    private final Counter malformed;
    private final Map<VerifierBusyException.Reason, Counter> busy = new EnumMap<>(VerifierBusyException.Reason.class);

    VerifierMetrics(MeterRegistry registry, Collection<?> queue) {
        batchSize = DistributionSummary.builder(PREFIX + ".batch.size").description("proofs verified together")
                .baseUnit("proofs").register(registry);
        batchDuration = Timer.builder(PREFIX + ".batch.duration").description("time to settle one batch")
                .register(registry);
        failedBatches = Counter.builder(PREFIX + ".batch.failed").description("batches bisected for a bad proof")
                .register(registry);
        valid = verified(registry, "valid");
        invalid = verified(registry, "invalid");
        malformed = verified(registry, "malformed");
        for (VerifierBusyException.Reason reason : VerifierBusyException.Reason.values()) {
            busy.put(reason, Counter.builder(PREFIX + ".busy").description("requests refused unverified (503)")
                    .tag("reason", reason.tag()).register(registry));
        }
        Gauge.builder(PREFIX + ".queued", queue, Collection::size).description("proofs waiting for a worker")
                .register(registry);
    }

    private static Counter verified(MeterRegistry registry, String result) {
        return Counter.builder(PREFIX + ".verified").description("branch proofs by outcome").tag("result", result)
                .register(registry);
    }

    void batch(int size, BatchSettler.Verdicts verdicts, long nanos) {
        batchSize.record(size);
        batchDuration.record(nanos, TimeUnit.NANOSECONDS);
        valid.increment(verdicts.valid());
        invalid.increment(verdicts.invalid());
        if (verdicts.invalid() > 0 && size > 1) {
            failedBatches.increment();
        }
    }

    void malformed() {
        malformed.increment();
    }

    void busy(VerifierBusyException.Reason reason) {
        busy.get(reason).increment();
    }

    VerifierStatistics statistics() {
        double refused = busy.values().stream().mapToDouble(Counter::count).sum();
        return new VerifierStatistics(batchSize.count(), (long) batchSize.totalAmount(), (long) failedBatches.count(),
                (long) valid.count(), (long) invalid.count(), (long) malformed.count(), (long) refused);
    }
}
