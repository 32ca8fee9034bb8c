package io.zrt.relay.state;

import io.zrt.relay.health.RelayMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets {@code relayed: true} on acknowledged frames in batches, on its own thread, and only then runs their
 * completion callbacks (which advance the resume token). A failed write is retried; a frame whose marker is
 * lost in a crash is published again after restart and dropped by JetStream as a duplicate.
 */
public class RelayedMarker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayedMarker.class);
    private static final int MAX_BATCH = 500;

    private record Item(StoredFrame frame, Runnable onMarked) {
    }

    private final FrameStore store;
    private final RelayMetrics metrics;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public RelayedMarker(FrameStore store, RelayMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "relay-marker");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void mark(StoredFrame frame, Runnable onMarked) {
        queue.add(new Item(frame, onMarked));
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (writeWithRetry(batch)) {
                    batch.forEach(item -> item.onMarked().run());
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean writeWithRetry(List<Item> batch) throws InterruptedException {
        long backoff = 50;
        while (true) {
            try {
                store.markRelayed(batch.stream().map(Item::frame).toList());
                return true;
            } catch (RuntimeException e) {
                metrics.error("mongo");
                if (!running) {
                    log.warn("giving up marking {} frames relayed at shutdown; they will be re-published", batch.size());
                    return false;
                }
                log.warn("marking {} frames relayed failed, retrying: {}", batch.size(), e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    /** Writes what is queued (bounded by the thread's own retry) and stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
