package io.zrt.node.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zrt.crypto.VerificationException;
import io.zrt.node.proofs.ProvenStatements.Proven;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batching verifier on real depth-0 branch proofs. Batches of a known size are made without timing:
 * {@link BatchingBranchVerifier#holdCollection()} keeps the collecting worker on its first proof until every
 * request of the test is waiting, so releasing it puts them all into one batch.
 */
class BatchingBranchVerifierTest {

    /** Only stops a broken test; nothing here asserts speed. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static List<Proven> good;
    private static Proven bad;
    private static Proven otherBad;

    private final ExecutorService requests = Executors.newCachedThreadPool();

    @BeforeAll
    static void prove() throws Exception {
        good = ProvenStatements.make(4);
        bad = ProvenStatements.moved(good.get(0), good.get(1));
        otherBad = ProvenStatements.moved(good.get(3), good.get(2));
    }

    @AfterEach
    void stopRequests() throws InterruptedException {
        requests.shutdownNow();
        assertThat(requests.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static BatchingBranchVerifier verifier(int workers, int queueCapacity, Duration maxWait) {
        return new BatchingBranchVerifier(new BranchProofProperties(16, queueCapacity, workers, maxWait),
                new SecureRandom(), new SimpleMeterRegistry());
    }

    private static BatchingBranchVerifier verifier(int workers) {
        return verifier(workers, 64, Duration.ofMinutes(2));
    }

    /** Submits on a request thread of its own; the future holds null if the proof was accepted, else why not. */
    private Future<Exception> submit(BatchingBranchVerifier v, Proven p) {
        return requests.submit(() -> {
            try {
                v.verify(p.statement(), p.bytes());
                return null;
            } catch (VerificationException | VerifierBusyException e) {
                return e;
            }
        });
    }

    /** Waits (not a timing assertion: the deadline only stops a broken test) until n proofs are waiting. */
    private static void awaitWaiting(BatchingBranchVerifier v, int n) {
        await(n + " proofs waiting").atMost(DEADLINE).until(() -> v.waiting() >= n);
        assertThat(v.waiting()).isEqualTo(n);
    }

    /** Waits until the worker has taken every queued proof. */
    private static void awaitTaken(BatchingBranchVerifier v) {
        await("worker takes the proof").atMost(DEADLINE).until(() -> v.queued() == 0);
    }

    private List<Future<Exception>> submitHeld(BatchingBranchVerifier v, List<Proven> proofs) throws Exception {
        List<Future<Exception>> outcomes = new ArrayList<>();
        try (BatchingBranchVerifier.Hold hold = v.holdCollection()) {
            for (Proven p : proofs) {
                outcomes.add(submit(v, p));
            }
            awaitWaiting(v, proofs.size());
        }
        return outcomes;
    }

    @Test
    void aLoneProofIsVerifiedAsABatchOfOne() throws Exception {
        try (BatchingBranchVerifier v = verifier(2)) {
            v.verify(good.get(0).statement(), good.get(0).bytes());
            assertThatThrownBy(() -> v.verify(bad.statement(), bad.bytes()))
                    .isInstanceOf(VerificationException.class);
            assertThat(v.statistics()).isEqualTo(new VerifierStatistics(2, 2, 0, 1, 1, 0, 0));
        }
    }

    @Test
    void proofsPendingTogetherAreVerifiedAsOneBatch() throws Exception {
        // Two workers: only one collects at a time, so everything waiting goes into a single batch.
        try (BatchingBranchVerifier v = verifier(2)) {
            List<Future<Exception>> outcomes = submitHeld(v, good);
            for (Future<Exception> f : outcomes) {
                assertThat(f.get()).isNull();
            }
            assertThat(v.statistics()).isEqualTo(new VerifierStatistics(1, 4, 0, 4, 0, 0, 0));
        }
    }

    @Test
    void badProofsInABatchFailOnlyTheirOwnRequests() throws Exception {
        // Six entries (valid proofs may repeat: each entry gets its own weight), bad ones at both ends so that
        // the bisection has to find one in each half.
        List<Proven> entries = List.of(bad, good.get(0), good.get(1), good.get(2), good.get(3), otherBad);
        try (BatchingBranchVerifier v = verifier(1)) {
            List<Future<Exception>> outcomes = submitHeld(v, entries);
            assertThat(outcomes.get(0).get()).isInstanceOf(VerificationException.class);
            for (Future<Exception> f : outcomes.subList(1, 5)) {
                assertThat(f.get()).isNull();
            }
            assertThat(outcomes.get(5).get()).isInstanceOf(VerificationException.class);
            assertThat(v.statistics()).isEqualTo(new VerifierStatistics(1, 6, 1, 4, 2, 0, 0));
        }
    }

    @Test
    void aSingleBadProofInTheMiddleIsFound() throws Exception {
        List<Proven> entries = List.of(good.get(0), good.get(1), bad, good.get(2), good.get(3));
        try (BatchingBranchVerifier v = verifier(1)) {
            List<Future<Exception>> outcomes = submitHeld(v, entries);
            for (int i = 0; i < entries.size(); i++) {
                if (i == 2) {
                    assertThat(outcomes.get(i).get()).isInstanceOf(VerificationException.class);
                } else {
                    assertThat(outcomes.get(i).get()).as("entry %d", i).isNull();
                }
            }
        }
    }

    @Test
    void malformedBytesFailTheirOwnRequestWithoutQueueing() throws Exception {
        byte[] honest = good.get(1).bytes();
        byte[] wrongVersion = honest.clone();
        wrongVersion[0] = 2;
        byte[] notAPoint = honest.clone();
        Arrays.fill(notAPoint, 1, 33, (byte) 0xff);
        List<byte[]> malformed = List.of(new byte[0], Arrays.copyOf(honest, honest.length - 1),
                Arrays.copyOf(honest, honest.length + 32), wrongVersion, notAPoint);
        try (BatchingBranchVerifier v = verifier(1)) {
            Future<Exception> waitingGood;
            try (BatchingBranchVerifier.Hold hold = v.holdCollection()) {
                waitingGood = submit(v, good.get(0));
                awaitWaiting(v, 1);
                for (byte[] bytes : malformed) {
                    // Refused on the caller's thread while the worker is held: it never entered the queue.
                    assertThatThrownBy(() -> v.verify(good.get(1).statement(), bytes))
                            .isInstanceOf(VerificationException.class).hasMessageContaining("malformed");
                    assertThat(v.waiting()).isEqualTo(1);
                }
            }
            assertThat(waitingGood.get()).isNull();
            assertThat(v.statistics()).isEqualTo(new VerifierStatistics(1, 1, 0, 1, 0, malformed.size(), 0));
        }
    }

    @Test
    void aFullQueueAnswersBusyAtOnce() throws Exception {
        try (BatchingBranchVerifier v = verifier(1, 2, Duration.ofMinutes(2))) {
            List<Future<Exception>> outcomes = new ArrayList<>();
            try (BatchingBranchVerifier.Hold hold = v.holdCollection()) {
                // One taken by the held worker, two in the queue: the queue is full.
                outcomes.add(submit(v, good.get(0)));
                awaitWaiting(v, 1);
                awaitTaken(v);
                outcomes.add(submit(v, good.get(1)));
                outcomes.add(submit(v, good.get(2)));
                awaitWaiting(v, 3);
                assertThatThrownBy(() -> v.verify(good.get(3).statement(), good.get(3).bytes()))
                        .isInstanceOfSatisfying(VerifierBusyException.class,
                                e -> assertThat(e.reason()).isEqualTo(VerifierBusyException.Reason.QUEUE_FULL));
            }
            for (Future<Exception> f : outcomes) {
                assertThat(f.get()).isNull();
            }
            assertThat(v.statistics().busy()).isEqualTo(1);
            assertThat(v.statistics().valid()).isEqualTo(3);
        }
    }

    @Test
    void aWaitBeyondMaxWaitIsBusyAndTheAbandonedProofIsSkipped() throws Exception {
        try (BatchingBranchVerifier v = verifier(1, 64, Duration.ofMillis(200))) {
            try (BatchingBranchVerifier.Hold hold = v.holdCollection()) {
                // The worker is held with this very proof, so it cannot be settled within max-wait.
                assertThatThrownBy(() -> v.verify(good.get(0).statement(), good.get(0).bytes()))
                        .isInstanceOfSatisfying(VerifierBusyException.class,
                                e -> assertThat(e.reason()).isEqualTo(VerifierBusyException.Reason.TIMED_OUT));
            }
            v.verify(good.get(1).statement(), good.get(1).bytes());
            // Only the second proof was verified: the worker dropped the abandoned one.
            VerifierStatistics stats = v.statistics();
            assertThat(stats.proofsInBatches()).isEqualTo(1);
            assertThat(stats.valid()).isEqualTo(1);
            assertThat(stats.busy()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedWaitIsBusy() throws Exception {
        try (BatchingBranchVerifier v = verifier(1)) {
            try (BatchingBranchVerifier.Hold hold = v.holdCollection()) {
                Future<Exception> interrupted = requests.submit(() -> {
                    Thread.currentThread().interrupt(); // the wait below sees it at once
                    try {
                        v.verify(good.get(0).statement(), good.get(0).bytes());
                        return null;
                    } catch (VerifierBusyException e) {
                        assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
                        return e;
                    }
                });
                assertThat(interrupted.get()).isInstanceOfSatisfying(VerifierBusyException.class,
                        e -> assertThat(e.reason()).isEqualTo(VerifierBusyException.Reason.INTERRUPTED));
            }
        }
    }

    @Test
    void closingAnswersWaitingRequestsBusyAndStopsTheWorkers() throws Exception {
        BatchingBranchVerifier v = verifier(2);
        BatchingBranchVerifier.Hold hold = v.holdCollection();
        List<Future<Exception>> outcomes = List.of(submit(v, good.get(0)), submit(v, good.get(1)));
        awaitWaiting(v, 2);
        v.close(); // while the collecting worker is still held
        for (Future<Exception> f : outcomes) {
            assertThat(f.get()).isInstanceOfSatisfying(VerifierBusyException.class,
                    e -> assertThat(e.reason()).isEqualTo(VerifierBusyException.Reason.SHUT_DOWN));
        }
        assertThat(v.isTerminated()).isTrue();
        assertThatThrownBy(() -> v.verify(good.get(2).statement(), good.get(2).bytes()))
                .isInstanceOf(VerifierBusyException.class);
        hold.close();
        assertThat(v.statistics().valid()).isZero();
    }
}
