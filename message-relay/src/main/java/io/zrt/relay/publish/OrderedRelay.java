package io.zrt.relay.publish;

import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.Lane.Waiting;
import io.zrt.relay.state.StoredFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes frames per group in seq order, whatever order they are offered in.
 *
 * <p>The rule that keeps every group's stream in order, also across crashes and concurrent instances: a frame
 * is published only after its predecessor has been acknowledged by JetStream (known here from our own ack,
 * or from the predecessor's {@code relayed} marker in MongoDB). So the first copy of seq n in the stream always
 * follows the first copy of n−1; later copies are dropped by JetStream's de-duplication. Each group has at
 * most one publish in flight; groups proceed in parallel.
 *
 * <p>All lane state is confined to one thread (the loop); MongoDB look-ups run on a small pool and post their
 * results back to the loop. A frame offered with a seq above the next expected one waits, and the missing
 * range is read from MongoDB (the "gap fill"), which also skips frames already relayed by someone else.
 *
 * <p>Seqs are never silently reused downstream: before a group's first publish (and before settling an
 * unrelayed frame below the next seq that it cannot vouch for) the group's last stream message is compared with
 * the stored frame at that seq ({@link SeqCheck}), and every publish is compared with the published (seq,
 * digest) pairs it knows. A mismatch halts that group ({@link SeqConflicts}); others continue. A halted group is
 * checked again (at most once a second) when its frames are offered, and resumes once the two agree.
 */
public final class OrderedRelay implements FrameSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderedRelay.class);
    private static final int MAX_IDLE_LANES = 10_000;
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final FramePublisher publisher;
    private final PublishedFrontier frontier;
    private final GroupHistory history;
    private final SeqConflicts conflicts;
    private final AckedFrames acked;
    private final BooleanSupplier mayPublish;
    private final RelayMetrics metrics;
    private final ExecutorService loop;
    private final ExecutorService lookups;
    private final ScheduledExecutorService timer;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean closed;
    private boolean draining;
    private volatile boolean drainingSeen;

    /** Where an acknowledged frame goes next (the relayed marker); {@code onDone} runs once it is recorded. */
    public interface AckedFrames {
        void acknowledged(StoredFrame frame, Runnable onDone);
    }

    /**
     * @param mayPublish false while this instance must not publish (its lease may have expired)
     */
    public OrderedRelay(FramePublisher publisher, PublishedFrontier frontier, GroupHistory history, AckedFrames acked,
            BooleanSupplier mayPublish, RelayMetrics metrics, SeqConflicts conflicts) {
        this.publisher = publisher;
        this.frontier = frontier;
        this.history = history;
        this.conflicts = conflicts;
        this.acked = acked;
        this.mayPublish = mayPublish;
        this.metrics = metrics;
        this.loop = Executors.newSingleThreadExecutor(daemon("relay-order"));
        this.lookups = Executors.newFixedThreadPool(4, daemon("relay-lookup"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("relay-retry"));
        timer.scheduleWithFixedDelay(() -> post(this::evictIdleLanes), 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public void offer(StoredFrame frame, Runnable onDone) {
        outstanding.incrementAndGet();
        if (!post(() -> accept(frame, onDone))) {
            outstanding.decrementAndGet();
        }
    }

    /** Frames offered and not yet relayed (or skipped as already relayed). */
    public int outstanding() {
        return outstanding.get();
    }

    /**
     * Starts no further publishes and waits until those in flight are acknowledged and recorded (or failed);
     * false on timeout. Frames still waiting are left to the next leader.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        post(() -> {
            draining = true;
            drainingSeen = true;
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy.get() > 0 || !drainingSeen) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Publishes in flight plus acknowledged frames whose marker is not written yet. */
    public int busy() {
        return busy.get();
    }

    /** Stops at once: in-flight acknowledgements are ignored, nothing more is published. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        lookups.shutdownNow();
        loop.shutdownNow();
    }

    private void accept(StoredFrame frame, Runnable onDone) {
        Lane lane = lanes.computeIfAbsent(frame.groupId(), Lane::new);
        if (lane.halted) {
            // Let the frame go (it stays unrelayed and is read again after the resume); look again now and then.
            done(List.of(onDone));
            if (!lane.lookupRunning && System.nanoTime() - lane.checkedAtNanos > RECHECK_NANOS) {
                load(lane);
            }
            return;
        }
        if (lane.nextSeq >= 0 && frame.seq() < lane.nextSeq) {
            Waiting below = new Waiting(frame);
            below.callbacks.add(onDone);
            settleBelow(lane, below);
            pump(lane);
            return;
        }
        lane.pending.computeIfAbsent(frame.seq(), seq -> new Waiting(frame)).callbacks.add(onDone);
        if (lane.nextSeq < 0) {
            load(lane);
        } else {
            pump(lane);
        }
    }

    private record Loaded(long next, Optional<PublishedFrontier.Published> last,
            Optional<SeqConflicts.Conflict> conflict) {
    }

    /**
     * First contact with a group (or a re-check of a halted one): the next seq to publish is one past its highest
     * relayed one, provided the stream's last message for the group is still what the log holds at that seq.
     */
    private void load(Lane lane) {
        if (lane.lookupRunning) {
            return;
        }
        lookup(lane, () -> {
            long next = history.nextToRelay(lane.groupId);
            Optional<PublishedFrontier.Published> last = frontier.lastPublished(lane.groupId);
            return new Loaded(next, last, SeqCheck.check(lane.groupId, next, last, history));
        }, loaded -> {
            lane.checkedAtNanos = System.nanoTime();
            if (loaded.conflict().isPresent()) {
                halt(lane, loaded.conflict().get());
                return;
            }
            conflicts.resume(lane.groupId);
            lane.nextSeq = loaded.next();
            loaded.last().ifPresent(lane::remember);
            if (lane.halted) {
                lane.halted = false;
                // the frames let go while halted: read them again instead of waiting for the next rescan
                fillGap(lane, lane.nextSeq, Long.MAX_VALUE);
                return;
            }
            pump(lane);
        });
    }

    /** Compares the stream's last message of the group with the log, for the suspects below the next seq. */
    private void verifySuspects(Lane lane) {
        long from = lane.suspects.stream().mapToLong(waiting -> waiting.frame.seq()).min().orElseThrow();
        lookup(lane, () -> SeqCheck.check(lane.groupId, from, frontier.lastPublished(lane.groupId), history),
                conflict -> {
                    lane.checkedAtNanos = System.nanoTime();
                    if (conflict.isPresent()) {
                        halt(lane, conflict.get());
                        return;
                    }
                    List<Waiting> verified = new ArrayList<>(lane.suspects);
                    lane.suspects.clear();
                    verified.forEach(this::repairMarker);
                    pump(lane);
                });
    }

    /** Stops the group: nothing more is published for it; everything waiting is let go, unrelayed. */
    private void halt(Lane lane, SeqConflicts.Conflict conflict) {
        conflicts.halt(conflict);
        lane.halted = true;
        lane.nextSeq = -1;
        lane.known.clear();
        lane.gapAttempts = 0;
        List<Waiting> released = new ArrayList<>(lane.pending.values());
        released.addAll(lane.suspects);
        lane.pending.clear();
        lane.suspects.clear();
        for (Waiting waiting : released) {
            // cleared, so that a publish of it still in flight does not run them a second time on its ack
            List<Runnable> callbacks = new ArrayList<>(waiting.callbacks);
            waiting.callbacks.clear();
            done(callbacks);
        }
    }

    private static SeqConflicts.Conflict conflictWith(PublishedFrontier.Published known, StoredFrame frame) {
        return new SeqConflicts.Conflict(frame.groupId(), frame.seq(), known.digest(), known.streamSeq(),
                frame.digest(), Instant.now());
    }

    private void pump(Lane lane) {
        while (!lane.pending.isEmpty() && lane.pending.firstKey() < lane.nextSeq) {
            settleBelow(lane, lane.pending.pollFirstEntry().getValue());
        }
        if (closed || draining || lane.halted || lane.inFlight || lane.lookupRunning || lane.nextSeq < 0) {
            return;
        }
        if (!lane.suspects.isEmpty()) {
            verifySuspects(lane); // nothing of the group is published before they are cleared
            return;
        }
        if (lane.pending.isEmpty()) {
            return;
        }
        Waiting first = lane.pending.firstEntry().getValue();
        if (first.frame.seq() != lane.nextSeq) {
            fillGap(lane, lane.nextSeq, first.frame.seq());
            return;
        }
        PublishedFrontier.Published known = lane.known.get(first.frame.seq());
        if (known != null && !known.digest().equals(first.frame.digest())) {
            halt(lane, conflictWith(known, first.frame));
            return;
        }
        if (!mayPublish.getAsBoolean()) {
            retryLater(lane, 200);
            return;
        }
        lane.inFlight = true;
        busy.incrementAndGet();
        publisher.publish(first.frame).whenComplete((ack, failure) -> post(() -> published(lane, first, ack, failure)));
    }

    private void published(Lane lane, Waiting waiting, FramePublisher.Ack ack, Throwable failure) {
        lane.inFlight = false;
        if (failure != null) {
            busy.decrementAndGet();
            metrics.error("publish");
            lane.failures++;
            if (lane.failures == 1 || lane.failures % 20 == 0) {
                log.warn("publishing {} failed ({} attempts), retrying: {}", waiting.frame.key(), lane.failures,
                        failure.toString());
            }
            retryLater(lane, backoff(lane.failures));
            return;
        }
        lane.failures = 0;
        metrics.acknowledged(ack.duplicate(), waiting.frame.createdAt());
        lane.pending.remove(waiting.frame.seq());
        if (!lane.halted) { // halted while in flight: the next seq is found again on resume
            lane.nextSeq = waiting.frame.seq() + 1;
            lane.remember(new PublishedFrontier.Published(waiting.frame.seq(), waiting.frame.digest(),
                    ack.streamSeq()));
        }
        List<Runnable> callbacks = waiting.callbacks;
        acked.acknowledged(waiting.frame, () -> {
            busy.decrementAndGet();
            done(callbacks);
        });
        pump(lane);
    }

    /**
     * A frame below the next seq to publish has been acknowledged before (by the ordering rule, everything
     * below a relayed frame was). If its marker is missing (a crash between ack and marker), it is repaired so
     * that the frame stops counting as lag, but only if it is the frame that was published at its seq: compared
     * with a known published digest, or else checked against the stream first (a suspect).
     */
    private void settleBelow(Lane lane, Waiting waiting) {
        if (waiting.frame.relayed()) {
            done(waiting.callbacks);
            return;
        }
        PublishedFrontier.Published known = lane.known.get(waiting.frame.seq());
        if (known == null) {
            lane.suspects.add(waiting);
        } else if (!known.digest().equals(waiting.frame.digest())) {
            halt(lane, conflictWith(known, waiting.frame));
            done(waiting.callbacks);
        } else {
            repairMarker(waiting);
        }
    }

    private void repairMarker(Waiting waiting) {
        busy.incrementAndGet();
        acked.acknowledged(waiting.frame, () -> {
            busy.decrementAndGet();
            done(waiting.callbacks);
        });
    }

    /** Reads the frames between the next expected seq and the first waiting one. */
    private void fillGap(Lane lane, long from, long to) {
        lane.lookupRunning = true;
        lookup(lane, () -> history.range(lane.groupId, from, to), frames -> {
            long before = lane.nextSeq;
            for (StoredFrame frame : frames) {
                if (frame.relayed() && frame.seq() == lane.nextSeq) {
                    lane.nextSeq++; // acknowledged before (by us earlier or another instance)
                } else if (!frame.relayed()) {
                    lane.pending.putIfAbsent(frame.seq(), new Waiting(frame));
                }
            }
            boolean progress = lane.nextSeq != before
                    || (!lane.pending.isEmpty() && lane.pending.firstKey() == lane.nextSeq);
            if (progress) {
                lane.gapAttempts = 0;
                pump(lane);
            } else {
                lane.gapAttempts++;
                if (lane.gapAttempts == 10) {
                    log.warn("group {} waits for seq {} which is not readable yet", lane.groupId, lane.nextSeq);
                }
                retryLater(lane, backoff(lane.gapAttempts));
            }
        });
    }

    private <T> void lookup(Lane lane, Lookup<T> query, java.util.function.Consumer<T> onLoop) {
        lane.lookupRunning = true;
        execute(lookups, () -> {
            try {
                T result = query.run();
                post(() -> {
                    lane.lookupRunning = false;
                    onLoop.accept(result);
                });
            } catch (RuntimeException e) {
                metrics.error("mongo");
                log.warn("reading group {} (MongoDB, or its last stream message) failed, retrying: {}", lane.groupId,
                        e.toString());
                post(() -> {
                    lane.lookupRunning = false;
                    lane.failures++;
                    retryLater(lane, backoff(lane.failures));
                });
            }
        });
    }

    private void retryLater(Lane lane, long millis) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(() -> post(() -> {
                if (lane.nextSeq < 0) {
                    load(lane);
                } else {
                    pump(lane);
                }
            }), millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // closing
        }
    }

    private void evictIdleLanes() {
        if (lanes.size() <= MAX_IDLE_LANES) {
            return;
        }
        lanes.values().removeIf(Lane::idle);
    }

    private void done(List<Runnable> callbacks) {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } finally {
                outstanding.decrementAndGet();
            }
        }
    }

    private boolean post(Runnable task) {
        return execute(loop, task);
    }

    private boolean execute(Executor executor, Runnable task) {
        if (closed) {
            return false;
        }
        try {
            executor.execute(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    private static long backoff(int attempts) {
        return Math.min(50L << Math.min(attempts, 7), 5000L);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @FunctionalInterface
    private interface Lookup<T> {
        T run();
    }
}
