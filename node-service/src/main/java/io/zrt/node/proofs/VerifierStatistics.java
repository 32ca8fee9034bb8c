package io.zrt.node.proofs;

/**
 * Totals of the verifier's meters since start (see {@link VerifierMetrics}).
 *
 * @param batches         batches verified (a lone proof is a batch of one)
 * @param proofsInBatches proofs in those batches
 * @param failedBatches   batches of several proofs that held a bad one (and were bisected)
 * @param valid           proofs accepted
 * @param invalid         proofs refused by verification
 * @param malformed       proofs refused because their bytes do not decode (never queued)
 * @param busy            requests answered unverified (queue full, timed out, interrupted, shut down)
 */
public record VerifierStatistics(long batches, long proofsInBatches, long failedBatches, long valid, long invalid,
        long malformed, long busy) {
}
