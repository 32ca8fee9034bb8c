package io.zrt.node.proofs;

import io.micrometer.core.instrument.MeterRegistry;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.zk.branch.BranchProof;
import io.zrt.crypto.zk.branch.BranchStatement;
import io.zrt.node.proofs.VerifierBusyException.Reason;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies branch proofs for request threads, batching those that are pending at the same time.
 *
 * <p>A request thread calls {@link #verify} and blocks until its own proof is settled. Proofs go into a bounded
 * queue; a fixed set of worker threads takes them. A free worker takes the first waiting proof at once — a
 * proof that arrives alone is verified alone, with no added delay — together with <em>everything else</em>
 * waiting at that moment, up to {@code maxBatch}, and verifies them with one multi-scalar multiplication
 * ({@link BatchSettler}, which also finds the bad ones so that each request gets its own outcome). Batches
 * therefore form exactly when all workers are busy, which is when amortising pays. Only one worker collects
 * at a time, so whatever is waiting when a worker frees up goes into a single batch.
 *
 * <p>Why workers rather than letting the first waiting request thread verify for the others (a combiner):
 * workers bound the CPU spent on proofs to {@code workerThreads} cores however many request threads there
 * are, and a waiting request never inherits other requests' work. The price is one thread hand-off per
 * proof, microseconds against a verification of hundreds of milliseconds.
 *
 * <p>Decoding happens on the caller's thread, so malformed bytes fail their own request before queueing.
 * When the queue is full, the wait exceeds {@code maxWait}, the caller is interrupted or the verifier is
 * closed, {@link VerifierBusyException} says that the proof was not verified. Thread-safe.
 */
public final class BatchingBranchVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchingBranchVerifier.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final int maxBatch;
    private final Duration maxWait;
    private final BlockingQueue<PendingProof> queue;
    private final SecureRandom random;
    private final VerifierMetrics metrics;
    private final ExecutorService workers;
    /** Held by the one worker collecting a batch (taking the first proof and draining the rest). */
    private final ReentrantLock collecting = new ReentrantLock();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch hold;
    private volatile boolean closed;

    public BatchingBranchVerifier(BranchProofProperties settings, SecureRandom random, MeterRegistry registry) {
        Objects.requireNonNull(settings, "settings");
        this.maxBatch = settings.maxBatch();
        this.maxWait = settings.maxWait();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.random = Objects.requireNonNull(random, "random");
        this.metrics = new VerifierMetrics(Objects.requireNonNull(registry, "registry"), queue);
        int threads = settings.effectiveWorkerThreads();
        this.workers = Executors.newFixedThreadPool(threads, workerThreads());
        for (int i = 0; i < threads; i++) {
            workers.execute(this::work);
        }
    }

    /**
     * Decodes (strictly, for the statement's depth) and verifies.
     *
     * @throws VerificationException the proof is malformed or does not verify
     * @throws VerifierBusyException the proof was not verified (see the class comment)
     */
    public void verify(BranchStatement statement, byte[] encodedProof)
            throws VerificationException, VerifierBusyException {
        BranchProof proof;
        try {
            proof = BranchProof.decode(encodedProof, statement.depth());
        } catch (InvalidEncodingException e) {
            metrics.malformed();
            throw new VerificationException("malformed branch proof: " + e.getMessage(), e);
        }
        verify(statement, proof);
    }

    /** Verifies a decoded proof, batched with whatever else is pending. */
    public void verify(BranchStatement statement, BranchProof proof)
            throws VerificationException, VerifierBusyException {
        PendingProof pending = new PendingProof(statement, proof);
        if (closed) {
            throw busy(Reason.SHUT_DOWN, "the branch-proof verifier is shut down");
        }
        if (!queue.offer(pending)) {
            throw busy(Reason.QUEUE_FULL, "too many branch proofs waiting for verification");
        }
        waiting.incrementAndGet(); // after the offer: a proof counted as waiting is in the queue or taken
        try {
            if (closed && queue.remove(pending)) {
                // close() drained the queue before this offer: nobody else will ever settle it.
                throw busy(Reason.SHUT_DOWN, "the branch-proof verifier is shut down");
            }
            await(pending);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private void await(PendingProof pending) throws VerificationException, VerifierBusyException {
        try {
            pending.outcome().get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (pending.outcome().cancel(false)) {
                throw busy(Reason.TIMED_OUT, "branch-proof verification took longer than " + maxWait);
            }
            awaitSettled(pending); // settled in the meantime: its outcome stands
        } catch (InterruptedException e) {
            pending.outcome().cancel(false);
            Thread.currentThread().interrupt();
            throw busy(Reason.INTERRUPTED, "interrupted while waiting for branch-proof verification");
        } catch (ExecutionException e) {
            rethrow(e.getCause());
        }
    }

    private void awaitSettled(PendingProof pending) throws VerificationException, VerifierBusyException {
        try {
            pending.outcome().join();
        } catch (CancellationException e) {
            throw busy(Reason.TIMED_OUT, "branch-proof verification was abandoned");
        } catch (CompletionException e) {
            rethrow(e.getCause());
        }
    }

    private static void rethrow(Throwable cause) throws VerificationException, VerifierBusyException {
        if (cause instanceof VerificationException bad) {
            throw bad;
        }
        if (cause instanceof VerifierBusyException busy) {
            throw busy;
        }
        if (cause instanceof RuntimeException fault) {
            throw fault;
        }
        throw new IllegalStateException("branch-proof verification failed unexpectedly", cause);
    }

    private VerifierBusyException busy(Reason reason, String message) {
        metrics.busy(reason);
        return new VerifierBusyException(reason, message);
    }

    private void work() {
        List<PendingProof> batch = new ArrayList<>(maxBatch);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                collect(batch);
                batch.removeIf(PendingProof::done); // abandoned by a request that timed out
                if (!batch.isEmpty()) {
                    long start = System.nanoTime();
                    BatchSettler.Verdicts verdicts = BatchSettler.settle(batch, random);
                    // Metrics first, so that a request that has its answer also sees it counted.
                    metrics.batch(batch.size(), verdicts, System.nanoTime() - start);
                    for (int i = 0; i < batch.size(); i++) {
                        Exception failure = verdicts.failures().get(i);
                        if (failure == null) {
                            batch.get(i).accept();
                        } else {
                            batch.get(i).reject(failure);
                        }
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            // close(): fall through and hand back what this worker had taken
        } catch (RuntimeException | Error e) {
            log.error("branch-proof worker stopped", e);
            throw e;
        } finally {
            batch.forEach(this::refuseUnverified);
        }
    }

    private void collect(List<PendingProof> batch) throws InterruptedException {
        collecting.lockInterruptibly();
        try {
            batch.add(queue.take());
            CountDownLatch held = hold;
            if (held != null) {
                held.await();
            }
            queue.drainTo(batch, maxBatch - 1);
        } finally {
            collecting.unlock();
        }
    }

    /** Proofs handed to {@link #verify} and not yet answered (queued, being collected or being verified). */
    public int waiting() {
        return waiting.get();
    }

    /** Proofs in the queue, not yet taken by a worker. */
    int queued() {
        return queue.size();
    }

    public VerifierStatistics statistics() {
        return metrics.statistics();
    }

    /**
     * Test seam: until the returned hold is released, the collecting worker keeps the first proof it took
     * and does not drain the queue, so proofs submitted meanwhile all join that worker's next batch. Lets a
     * test make a batch of a known size without depending on timing. Never used by the Node itself.
     */
    public Hold holdCollection() {
        CountDownLatch latch = new CountDownLatch(1);
        hold = latch;
        return () -> {
            hold = null;
            latch.countDown();
        };
    }

    /** Releases a {@link #holdCollection()}. */
    @FunctionalInterface
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /** Stops the workers (a batch being verified is finished) and answers every waiting proof busy. */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("branch-proof workers still running {} after shutdown", SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<PendingProof> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(this::refuseUnverified);
    }

    private void refuseUnverified(PendingProof pending) {
        if (!pending.done()) {
            pending.reject(busy(Reason.SHUT_DOWN, "the branch-proof verifier is shut down"));
        }
    }

    /** Whether every worker thread has ended (after {@link #close()}). */
    public boolean isTerminated() {
        return workers.isTerminated();
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "branch-proof-verifier-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
