package io.zrt.relay.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.state.StoredFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ordering rules of {@link OrderedRelay}, with a scripted broker and an in-memory frame log. */
class OrderedRelayTest {

    private static final String G = "00000000-0000-4000-8000-000000000001";
    private static final String H = "00000000-0000-4000-8000-000000000002";

    /** Records publishes; the test decides when (and whether) each is acknowledged. */
    static final class ScriptedBroker implements FramePublisher {
        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Ack>> inFlight = new CopyOnWriteArrayList<>();
        final List<StoredFrame> inFlightFrames = new CopyOnWriteArrayList<>();
        volatile boolean autoAck = true;
        final AtomicInteger failNext = new AtomicInteger();

        @Override
        public CompletableFuture<Ack> publish(StoredFrame frame) {
            attempts.add(frame.key());
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(new java.io.IOException("broker down"));
            }
            if (autoAck) {
                return CompletableFuture.completedFuture(new Ack(attempts.size(), false));
            }
            CompletableFuture<Ack> future = new CompletableFuture<>();
            inFlight.add(future);
            inFlightFrames.add(frame);
            return future;
        }
    }

    /** The frames collection: relayed flags as the marker writes them. */
    static final class MemoryLog implements GroupHistory {
        final Map<String, Map<Long, StoredFrame>> frames = new ConcurrentHashMap<>();

        void put(StoredFrame frame) {
            frames.computeIfAbsent(frame.groupId(), g -> new ConcurrentHashMap<>()).put(frame.seq(), frame);
        }

        void markRelayed(StoredFrame frame) {
            put(new StoredFrame(frame.id(), frame.groupId(), frame.seq(), frame.epoch(), frame.spFrame(),
                    frame.createdAt(), true));
        }

        @Override
        public long nextToRelay(String groupId) {
            return frames.getOrDefault(groupId, Map.of()).values().stream().filter(StoredFrame::relayed)
                    .mapToLong(StoredFrame::seq).max().orElse(-1) + 1;
        }

        @Override
        public List<StoredFrame> range(String groupId, long fromSeq, long toSeq) {
            return frames.getOrDefault(groupId, Map.of()).values().stream()
                    .filter(f -> f.seq() >= fromSeq && f.seq() < toSeq)
                    .sorted(java.util.Comparator.comparingLong(StoredFrame::seq)).toList();
        }
    }

    private final ScriptedBroker broker = new ScriptedBroker();
    private final MemoryLog log = new MemoryLog();
    private final AtomicBoolean mayPublish = new AtomicBoolean(true);
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final RelayMetrics metrics = new RelayMetrics(new SimpleMeterRegistry());
    private final Map<String, PublishedFrontier.Published> stream = new ConcurrentHashMap<>();
    private final SeqConflicts conflicts = new SeqConflicts(metrics);
    private final OrderedRelay relay = new OrderedRelay(broker, group -> java.util.Optional.ofNullable(stream.get(group)),
            log, (frame, onDone) -> {
                log.markRelayed(frame);
                onDone.run();
            }, mayPublish::get, metrics, conflicts);

    @AfterEach
    void close() {
        relay.close();
    }

    private static StoredFrame frame(String group, long seq) {
        return new StoredFrame(group + "/" + seq, group, seq, 0, new byte[] {(byte) seq}, Instant.now(), false);
    }

    private void store(String group, long... seqs) {
        for (long seq : seqs) {
            log.put(frame(group, seq));
        }
    }

    private void offer(String group, long seq) {
        relay.offer(frame(group, seq), () -> done.add(group + ":" + seq));
    }

    private void awaitDone(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (done.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(done).hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void framesOfferedInAnyOrderArePublishedInSeqOrder() throws Exception {
        List<Long> shuffled = new ArrayList<>(LongStream.range(0, 50).boxed().toList());
        Collections.shuffle(shuffled, new java.util.Random(7));
        store(G, LongStream.range(0, 50).toArray());
        shuffled.forEach(seq -> offer(G, seq));
        awaitDone(50);
        assertThat(broker.attempts).containsExactlyElementsOf(
                LongStream.range(0, 50).mapToObj(seq -> G + ":" + seq).toList());
    }

    @Test
    void aFrameIsNotPublishedBeforeItsPredecessorIsAcknowledged() throws Exception {
        broker.autoAck = false;
        store(G, 0, 1);
        offer(G, 0);
        offer(G, 1);
        awaitAttempts(1);
        Thread.sleep(100);
        assertThat(broker.attempts).containsExactly(G + ":0"); // seq 1 waits for the ack of seq 0
        broker.inFlight.get(0).complete(new FramePublisher.Ack(1, false));
        awaitAttempts(2);
        assertThat(broker.attempts).containsExactly(G + ":0", G + ":1");
    }

    @Test
    void groupsDoNotWaitForEachOther() throws Exception {
        broker.autoAck = false;
        store(G, 0);
        store(H, 0);
        offer(G, 0);
        offer(H, 0);
        awaitAttempts(2);
        assertThat(broker.attempts).containsExactlyInAnyOrder(G + ":0", H + ":0");
    }

    @Test
    void aFailedPublishIsRetriedBeforeAnyLaterSeq() throws Exception {
        broker.failNext.set(3);
        store(G, 0, 1, 2);
        offer(G, 0);
        offer(G, 1);
        offer(G, 2);
        awaitDone(3);
        assertThat(broker.attempts).containsExactly(G + ":0", G + ":0", G + ":0", G + ":0", G + ":1", G + ":2");
        assertThat(log.nextToRelay(G)).isEqualTo(3);
    }

    @Test
    void aMissingPredecessorIsReadFromTheLogAndPublishedFirst() throws Exception {
        store(G, 0, 1, 2, 3);
        offer(G, 3); // the events of 0..2 were never seen (e.g. before a crash)
        awaitDone(1);
        assertThat(broker.attempts).containsExactly(G + ":0", G + ":1", G + ":2", G + ":3");
    }

    @Test
    void aFrameWaitsWhileItsPredecessorIsNotStoredYet() throws Exception {
        store(G, 1);
        offer(G, 1);
        Thread.sleep(300);
        assertThat(broker.attempts).isEmpty();
        store(G, 0);
        awaitDone(1);
        assertThat(broker.attempts).containsExactly(G + ":0", G + ":1");
    }

    @Test
    void framesAlreadyRelayedByAnotherInstanceAreNotPublishedAgain() throws Exception {
        store(G, 0, 1, 2);
        log.markRelayed(frame(G, 0));
        log.markRelayed(frame(G, 1));
        offer(G, 1);
        offer(G, 2);
        awaitDone(2);
        assertThat(broker.attempts).containsExactly(G + ":2");
    }

    @Test
    void relayedFramesInsideAGapAreSkippedNotRepublished() throws Exception {
        store(G, 0, 1, 2, 3);
        log.markRelayed(frame(G, 0));
        log.markRelayed(frame(G, 2)); // 1 was acknowledged but its marker lost in a crash
        offer(G, 3);
        awaitDone(1);
        assertThat(broker.attempts).containsExactly(G + ":3");
    }

    @Test
    void anUnmarkedFrameBelowTheNextSeqIsRepairedWithoutPublishing() throws Exception {
        store(G, 0, 1, 2);
        log.markRelayed(frame(G, 2)); // so 0 and 1 were acknowledged; their markers were lost
        offer(G, 0);
        awaitDone(1);
        assertThat(broker.attempts).isEmpty();
        assertThat(log.frames.get(G).get(0L).relayed()).isTrue();
    }

    @Test
    void nothingIsPublishedWhileTheLeaseIsNotValid() throws Exception {
        mayPublish.set(false);
        store(G, 0);
        offer(G, 0);
        Thread.sleep(400);
        assertThat(broker.attempts).isEmpty();
        mayPublish.set(true);
        awaitDone(1);
        assertThat(broker.attempts).containsExactly(G + ":0");
    }

    @Test
    void drainWaitsForInFlightPublishesAndStartsNoNewOnes() throws Exception {
        broker.autoAck = false;
        store(G, 0, 1);
        offer(G, 0);
        offer(G, 1);
        awaitAttempts(1);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return relay.drain(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                return false;
            }
        });
        Thread.sleep(100);
        assertThat(drained).isNotDone();
        broker.inFlight.get(0).complete(new FramePublisher.Ack(1, false));
        assertThat(drained.get()).isTrue();
        assertThat(broker.attempts).containsExactly(G + ":0");
        assertThat(done).containsExactly(G + ":0");
    }

    @Test
    void duplicateAcknowledgementsAreCountedSeparately() throws Exception {
        FramePublisher duplicateBroker = frame -> CompletableFuture.completedFuture(new FramePublisher.Ack(1, true));
        RelayMetrics own = new RelayMetrics(new SimpleMeterRegistry());
        try (OrderedRelay other = new OrderedRelay(duplicateBroker, group -> java.util.Optional.empty(), log,
                (f, d) -> d.run(), () -> true, own, new SeqConflicts(own))) {
            store(G, 0);
            other.offer(frame(G, 0), () -> done.add("x"));
            awaitDone(1);
        }
        assertThat(own.duplicateCount()).isEqualTo(1);
        assertThat(own.publishedCount()).isZero();
    }

    private static StoredFrame otherFrame(String group, long seq) {
        return new StoredFrame(group + "/" + seq, group, seq, 0, new byte[] {(byte) seq, 99}, Instant.now(), false);
    }

    private static PublishedFrontier.Published published(StoredFrame frame, long streamSeq) {
        return new PublishedFrontier.Published(frame.seq(), frame.digest(), streamSeq);
    }

    @Test
    void aStoredFrameOtherThanTheStreamsLastAtItsSeqHaltsOnlyThatGroup() throws Exception {
        store(G, 0);
        log.markRelayed(frame(G, 0));
        log.put(otherFrame(G, 1)); // the log was rolled back and seq 1 given to another frame
        stream.put(G, published(frame(G, 1), 7));
        store(H, 0);
        offer(G, 1);
        offer(H, 0);
        awaitDone(2);
        assertThat(broker.attempts).containsExactly(H + ":0");
        assertThat(conflicts.halted()).containsOnlyKeys(G);
        assertThat(conflicts.halted().get(G).seq()).isEqualTo(1);
        assertThat(conflicts.halted().get(G).streamSeq()).isEqualTo(7);
        assertThat(conflicts.halted().get(G).storedDigest()).isEqualTo(otherFrame(G, 1).digest());
        assertThat(metrics.seqConflictCount()).isEqualTo(1);
        assertThat(log.frames.get(G).get(1L).relayed()).isFalse();
    }

    @Test
    void aPublishedSeqMissingFromTheLogHaltsTheGroupBeforeItsNextFrame() throws Exception {
        store(G, 0, 1);
        log.markRelayed(frame(G, 0));
        log.markRelayed(frame(G, 1));
        stream.put(G, published(frame(G, 2), 9)); // published, then lost from the log by a restore
        offer(G, 1);
        awaitDone(1);
        assertThat(conflicts.halted().get(G).storedDigest()).isNull();
        assertThat(broker.attempts).isEmpty();
    }

    @Test
    void aFrameReplacedBelowTheNextSeqWhileRunningHaltsTheGroupInsteadOfBeingMarked() throws Exception {
        store(G, 0, 1);
        offer(G, 0);
        offer(G, 1);
        awaitDone(2);
        log.put(otherFrame(G, 1)); // restored under the running relay, seq 1 reused
        store(G, 2);
        relay.offer(otherFrame(G, 1), () -> done.add("reused"));
        offer(G, 2);
        awaitDone(4);
        assertThat(conflicts.isHalted(G)).isTrue();
        assertThat(broker.attempts).containsExactly(G + ":0", G + ":1");
        assertThat(log.frames.get(G).get(1L).relayed()).isFalse();
    }

    @Test
    void aHaltWhileAPublishIsInFlightCompletesEveryOfferExactlyOnce() throws Exception {
        store(G, 0, 1);
        offer(G, 0);
        awaitDone(1);
        broker.autoAck = false;
        offer(G, 1);
        awaitAttempts(2);
        relay.offer(otherFrame(G, 0), () -> done.add("reused")); // halts the group while seq 1 is in flight
        awaitDone(3);
        broker.inFlight.get(0).complete(new FramePublisher.Ack(2, false));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (relay.busy() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(relay.busy()).isZero();
        assertThat(done).containsExactlyInAnyOrder(G + ":0", G + ":1", "reused");
        assertThat(relay.outstanding()).isZero();
        assertThat(log.frames.get(G).get(1L).relayed()).isTrue(); // acknowledged, so marked
    }

    @Test
    void theSameFrameBelowTheNextSeqIsStillRepairedAndAHaltedGroupResumesOnceStreamAndLogAgree() throws Exception {
        store(G, 0);
        log.markRelayed(frame(G, 0));
        log.put(otherFrame(G, 1));
        stream.put(G, published(frame(G, 1), 7));
        offer(G, 1);
        awaitDone(1);
        assertThat(conflicts.isHalted(G)).isTrue();

        stream.put(G, published(frame(G, 0), 6)); // the operator removed the stale message from the stream
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (broker.attempts.isEmpty() && System.nanoTime() < deadline) {
            offer(G, 1); // offers of a halted group trigger the re-check (at most once a second)
            Thread.sleep(50);
        }
        assertThat(broker.attempts).first().isEqualTo(G + ":1");
        assertThat(conflicts.halted()).isEmpty();
        assertThat(metrics.seqConflictCount()).isEqualTo(1);
    }

    private void awaitAttempts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (broker.attempts.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(broker.attempts).hasSizeGreaterThanOrEqualTo(count);
    }
}
