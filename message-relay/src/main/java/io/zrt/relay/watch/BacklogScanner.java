package io.zrt.relay.watch;

import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.FrameSink;
import io.zrt.relay.state.FrameStore;
import io.zrt.relay.state.MalformedFrameException;
import io.zrt.relay.state.StoredFrame;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers every frame not yet relayed, by group and in seq order. Runs at the start of every leadership term
 * (after the change stream is opened, so nothing inserted meanwhile is missed) and periodically as a safety net.
 */
final class BacklogScanner {

    private static final Logger log = LoggerFactory.getLogger(BacklogScanner.class);

    private final FrameStore store;
    private final FrameSink sink;
    private final Semaphore permits;
    private final RelayMetrics metrics;

    BacklogScanner(FrameStore store, FrameSink sink, Semaphore permits, RelayMetrics metrics) {
        this.store = store;
        this.sink = sink;
        this.permits = permits;
        this.metrics = metrics;
    }

    /** Returns how many frames were offered. */
    long scan(Optional<Instant> createdBefore) {
        long[] offered = {0};
        store.forEachUnrelayed(createdBefore, document -> {
            StoredFrame frame;
            try {
                frame = StoredFrame.fromDocument(document);
            } catch (MalformedFrameException e) {
                metrics.error("malformed");
                log.error("malformed frame document skipped by the scan: {}", e.getMessage());
                return;
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScanInterruptedException();
            }
            sink.offer(frame, permits::release);
            offered[0]++;
        });
        return offered[0];
    }

    /** The scan was stopped because the session is ending. */
    static final class ScanInterruptedException extends RuntimeException {
        ScanInterruptedException() {
            super("scan interrupted", null, false, false);
        }
    }
}
