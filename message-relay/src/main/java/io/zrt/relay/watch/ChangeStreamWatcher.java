package io.zrt.relay.watch;

import com.mongodb.MongoException;
import com.mongodb.MongoServerException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import io.zrt.relay.RelayProperties;
import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.FrameSink;
import io.zrt.relay.state.MalformedFrameException;
import io.zrt.relay.state.StoredFrame;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows inserts into {@code frames}. On start it opens the change stream (from the stored resume token, or
 * from now), then runs the backlog scan, then reads events; opening first means nothing inserted during the
 * scan is missed. A token the server refuses leads to the same start from now plus a scan.
 */
final class ChangeStreamWatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamWatcher.class);

    private final MongoCollection<Document> frames;
    private final Optional<BsonDocument> storedToken;
    private final BacklogScanner scanner;
    private final FrameSink sink;
    private final Semaphore permits;
    private final ResumeTracker tracker;
    private final RelayMetrics metrics;
    private final Runnable onTokenInvalid;
    private final RelayProperties.ChangeStream settings;
    private volatile boolean running = true;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private volatile boolean caughtUp;

    ChangeStreamWatcher(MongoCollection<Document> frames, Optional<BsonDocument> storedToken, BacklogScanner scanner,
            FrameSink sink, Semaphore permits, ResumeTracker tracker, RelayMetrics metrics, Runnable onTokenInvalid,
            RelayProperties.ChangeStream settings) {
        this.frames = frames;
        this.storedToken = storedToken;
        this.scanner = scanner;
        this.sink = sink;
        this.permits = permits;
        this.tracker = tracker;
        this.metrics = metrics;
        this.onTokenInvalid = onTokenInvalid;
        this.settings = settings;
    }

    /** True once the start-up scan has been offered completely and events are being read. */
    boolean caughtUp() {
        return caughtUp;
    }

    void stop() {
        running = false;
        MongoChangeStreamCursor<?> open = cursor;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // closing from another thread may race with the reader; it stops either way
            }
        }
    }

    @Override
    public void run() {
        BsonDocument resumeFrom = storedToken.orElse(null);
        boolean scanNeeded = true;
        long backoff = 100;
        while (running) {
            boolean fromToken = resumeFrom != null;
            try {
                cursor = open(resumeFrom);
                if (scanNeeded) {
                    long offered = scanner.scan(Optional.empty());
                    log.info("backlog scan offered {} unrelayed frames", offered);
                    scanNeeded = false;
                }
                caughtUp = true;
                long earlyNanos = settings.maxAwait().toNanos() / 2;
                long pauseMillis = 0;
                while (running) {
                    long readStart = System.nanoTime();
                    ChangeStreamDocument<Document> event = cursor.tryNext();
                    metrics.streamRead(event != null);
                    if (event != null) {
                        resumeFrom = event.getResumeToken();
                        handle(event);
                        backoff = 100;
                        pauseMillis = 0;
                    } else if (System.nanoTime() - readStart < earlyNanos) {
                        // The server answered an empty read without waiting: pause instead of spinning, briefly
                        // at first (frames may be flowing) and up to idle-poll while nothing arrives.
                        pauseMillis = Math.min(settings.idlePoll().toMillis(), Math.max(1, pauseMillis * 2));
                        Thread.sleep(pauseMillis);
                    }
                }
            } catch (BacklogScanner.ScanInterruptedException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MongoServerException e) {
                if (!running) {
                    return;
                }
                metrics.error("stream");
                if (fromToken) {
                    // The server refused the stream from that token (e.g. history lost): start from now and
                    // let the scan find what was inserted in between.
                    log.warn("change stream cannot resume from its token ({}); scanning instead", e.getMessage());
                    resumeFrom = null;
                    scanNeeded = true;
                    onTokenInvalid.run();
                } else {
                    log.warn("change stream failed: {}", e.toString());
                    backoff = sleep(backoff);
                }
            } catch (MongoException | IllegalStateException e) {
                if (!running) {
                    return;
                }
                metrics.error("stream");
                log.warn("change stream interrupted, resuming: {}", e.toString());
                backoff = sleep(backoff);
            } finally {
                closeQuietly();
            }
        }
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> open(BsonDocument token) {
        ChangeStreamIterable<Document> stream = frames
                .watch(List.of(Aggregates.match(Filters.eq("operationType", "insert"))))
                .maxAwaitTime(settings.maxAwait().toMillis(), TimeUnit.MILLISECONDS);
        if (token != null) {
            stream = stream.resumeAfter(token);
        }
        return stream.cursor();
    }

    private void handle(ChangeStreamDocument<Document> event) throws InterruptedException {
        long ticket = tracker.register(event.getResumeToken());
        if (event.getOperationType() != OperationType.INSERT || event.getFullDocument() == null) {
            tracker.complete(ticket);
            return;
        }
        StoredFrame frame;
        try {
            frame = StoredFrame.fromDocument(event.getFullDocument());
        } catch (MalformedFrameException e) {
            // Not relayable; its group will wait at this seq (visible as lag) until the document is repaired.
            metrics.error("malformed");
            log.error("malformed frame document inserted: {}", e.getMessage());
            tracker.complete(ticket);
            return;
        }
        permits.acquire();
        sink.offer(frame, () -> {
            tracker.complete(ticket);
            permits.release();
        });
    }

    private long sleep(long backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(backoff * 2, 5000);
    }

    private void closeQuietly() {
        MongoChangeStreamCursor<?> open = cursor;
        cursor = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }
}
