package io.zrt.node.proofs;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.zk.branch.BranchBatchVerifier;
import io.zrt.crypto.zk.branch.BranchVerifier;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Decides the outcome of every proof of one collected batch. The whole batch is checked with one multi-scalar
 * multiplication; only if that fails is it split in halves, recursively (bisection). A half whose sibling
 * turned out clean is known to hold a bad proof and is split without being checked as a whole, so one bad
 * proof among n costs about log₂ n extra, ever smaller, batch checks — fewer than re-verifying everybody one
 * by one. A batch of valid proofs always passes (whatever the random weights), so "the left half passed"
 * really means that the bad proof is on the right.
 */
final class BatchSettler {

    /**
     * Per entry (same order) null if the proof is valid, else why it is not; and how many (batch or single)
     * verifications it took.
     */
    record Verdicts(List<Exception> failures, int checks) {

        int invalid() {
            return (int) failures.stream().filter(Objects::nonNull).count();
        }

        int valid() {
            return failures.size() - invalid();
        }
    }

    private final List<PendingProof> entries;
    private final SecureRandom random;
    private final Exception[] failures;
    private int checks;

    private BatchSettler(List<PendingProof> entries, SecureRandom random) {
        this.entries = entries;
        this.random = random;
        this.failures = new Exception[entries.size()];
    }

    static Verdicts settle(List<PendingProof> batch, SecureRandom random) {
        BatchSettler settler = new BatchSettler(List.copyOf(batch), Objects.requireNonNull(random, "random"));
        if (!batch.isEmpty()) {
            settler.settle(0, batch.size(), false);
        }
        return new Verdicts(Collections.unmodifiableList(Arrays.asList(settler.failures)), settler.checks);
    }

    /** Decides entries [from, to); returns whether at least one of them is bad. */
    private boolean settle(int from, int to, boolean knownToHoldABadOne) {
        Exception failure = null;
        if (!knownToHoldABadOne) {
            failure = check(from, to);
            if (failure == null) {
                return false;
            }
        }
        if (to - from == 1) {
            failures[from] = failure != null ? failure
                    : new VerificationException("the branch proof does not verify (isolated from a failed batch)");
            return true;
        }
        int middle = (from + to) >>> 1;
        boolean leftHasABadOne = settle(from, middle, false);
        settle(middle, to, !leftHasABadOne);
        return true;
    }

    /**
     * Null if every proof in [from, to) verifies. A single proof goes through the plain verifier (no batching
     * overhead, and its exception says what is wrong). A library fault (unchecked exception) fails the check
     * like a bad proof, so bisection pins it on the entry that causes it instead of on the whole batch.
     */
    private Exception check(int from, int to) {
        checks++;
        try {
            if (to - from == 1) {
                BranchVerifier.verify(entries.get(from).statement(), entries.get(from).proof());
            } else {
                BranchBatchVerifier batch = new BranchBatchVerifier(random);
                for (PendingProof entry : entries.subList(from, to)) {
                    batch.add(entry.statement(), entry.proof());
                }
                batch.verify();
            }
            return null;
        } catch (VerificationException | RuntimeException e) {
            return e;
        }
    }
}
