package io.zrt.relay.watch;

import io.zrt.relay.RelayProperties;
import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.FramePublisher;
import io.zrt.relay.publish.OrderedRelay;
import io.zrt.relay.publish.PublishedFrontier;
import io.zrt.relay.publish.SeqConflicts;
import io.zrt.relay.state.FrameStore;
import io.zrt.relay.state.MongoGroupHistory;
import io.zrt.relay.state.RelayedMarker;
import io.zrt.relay.state.ResumeTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leadership term: everything that runs while this instance holds the lease. Created on acquisition,
 * stopped gracefully on shutdown, aborted when the lease is lost.
 */
final class RelaySession {

    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);
    private static final long TOKEN_SAVE_MILLIS = 500;

    private final RelayProperties properties;
    private final FrameStore frames;
    private final ResumeTokenStore tokens;
    private final long fence;
    private final RelayMetrics metrics;
    private final Runnable onFencedOut;
    private final OrderedRelay relay;
    private final RelayedMarker marker;
    private final ResumeTracker tracker = new ResumeTracker();
    private final Semaphore permits;
    private final ChangeStreamWatcher watcher;
    private final BacklogScanner scanner;
    private final Thread watcherThread;
    private final ScheduledExecutorService background;
    private BsonDocument unsavedToken;

    RelaySession(RelayProperties properties, FrameStore frames, ResumeTokenStore tokens, long fence,
            FramePublisher publisher, PublishedFrontier frontier, SeqConflicts conflicts, BooleanSupplier mayPublish,
            RelayMetrics metrics, Runnable onFencedOut) {
        this.properties = properties;
        this.frames = frames;
        this.tokens = tokens;
        this.fence = fence;
        this.metrics = metrics;
        this.onFencedOut = onFencedOut;
        this.marker = new RelayedMarker(frames, metrics);
        this.relay = new OrderedRelay(publisher, frontier, new MongoGroupHistory(frames, metrics), marker::mark,
                mayPublish, metrics, conflicts);
        this.permits = new Semaphore(properties.maxPending());
        this.scanner = new BacklogScanner(frames, relay, permits, metrics);
        this.watcher = new ChangeStreamWatcher(frames.collection(), tokens.load(), scanner, relay, permits, tracker,
                metrics, () -> tokens.clear(fence), properties.changeStream());
        this.watcherThread = new Thread(watcher, "relay-watch");
        this.watcherThread.setDaemon(true);
        this.background = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "relay-session");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        watcherThread.start();
        background.scheduleWithFixedDelay(this::saveToken, TOKEN_SAVE_MILLIS, TOKEN_SAVE_MILLIS, TimeUnit.MILLISECONDS);
        long rescan = properties.rescanInterval().toMillis();
        background.scheduleWithFixedDelay(this::rescan, rescan, rescan, TimeUnit.MILLISECONDS);
    }

    /** Stops reading, lets in-flight frames finish (publish, ack, marker), then stores the final token. */
    void stopGracefully(Duration timeout) {
        watcher.stop();
        watcherThread.interrupt();
        background.shutdownNow();
        try {
            if (!relay.drain(timeout)) {
                log.warn("{} publishes still unconfirmed at shutdown; the next leader repeats them", relay.busy());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.close();
        marker.close();
        saveToken();
    }

    /** Stops at once (lease lost): nothing more is published or stored by this term. */
    void abort() {
        watcher.stop();
        watcherThread.interrupt();
        background.shutdownNow();
        relay.close();
        marker.close();
    }

    private synchronized void saveToken() {
        Optional<BsonDocument> token = tracker.takeIfChanged().or(() -> Optional.ofNullable(unsavedToken));
        if (token.isEmpty()) {
            return;
        }
        unsavedToken = token.get();
        try {
            tokens.save(unsavedToken, fence);
            unsavedToken = null;
        } catch (ResumeTokenStore.FencedOutException e) {
            log.warn("another relay instance took over: {}", e.getMessage());
            onFencedOut.run();
        } catch (RuntimeException e) {
            metrics.error("mongo");
            log.warn("storing the resume token failed (retried): {}", e.toString());
        }
    }

    /** Safety net: frames that somehow missed the change stream are picked up after a while. */
    private void rescan() {
        if (!watcher.caughtUp()) {
            return;
        }
        try {
            long offered = scanner.scan(Optional.of(Instant.now().minus(properties.rescanMinAge())));
            if (offered > 0) {
                log.info("periodic scan offered {} unrelayed frames", offered);
            }
        } catch (BacklogScanner.ScanInterruptedException e) {
            // session ending
        } catch (RuntimeException e) {
            metrics.error("mongo");
            log.warn("periodic scan failed: {}", e.toString());
        }
    }
}
