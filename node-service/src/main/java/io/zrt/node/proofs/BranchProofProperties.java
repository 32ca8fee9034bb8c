package io.zrt.node.proofs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Node's branch-proof verification under {@code zrt.node.branch-proofs}
 * (see {@link BatchingBranchVerifier}). Invalid values stop the Node at start-up.
 *
 * @param maxBatch      most proofs verified together in one multi-scalar multiplication (1 = no batching)
 * @param queueCapacity most proofs waiting for a worker; a request beyond it gets 503 {@code busy} at once
 *                      instead of holding memory and a request thread for an unbounded time
 * @param workerThreads threads verifying proofs; 0 = one per available processor
 * @param maxWait       longest a request waits for its outcome (queueing and verification); after it the
 *                      request gets 503 {@code busy} and its frame is not appended
 */
@Validated
@ConfigurationProperties("zrt.node.branch-proofs")
public record BranchProofProperties(
        @DefaultValue("16") @Min(1) @Max(MAX_BATCH) int maxBatch,
        @DefaultValue("64") @Min(1) @Max(MAX_QUEUE) int queueCapacity,
        @DefaultValue("0") @Min(0) @Max(MAX_WORKERS) int workerThreads,
        @DefaultValue("30s") @NotNull Duration maxWait) {

    static final int MAX_BATCH = 256;
    static final int MAX_QUEUE = 100_000;
    static final int MAX_WORKERS = 256;

    public BranchProofProperties {
        // Bean Validation has no constraint for durations; a zero wait would turn every operation into 503.
        if (maxWait != null && (maxWait.isZero() || maxWait.isNegative())) {
            throw new IllegalArgumentException("zrt.node.branch-proofs.max-wait must be positive, got " + maxWait);
        }
    }

    /** The number of worker threads to start. */
    int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }
}
