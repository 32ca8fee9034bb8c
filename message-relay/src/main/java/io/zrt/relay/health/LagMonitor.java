package io.zrt.relay.health;

import io.zrt.relay.state.FrameStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Measures the relay lag (age of the oldest frame not yet relayed) every few seconds, so that the gauge and the
 * health endpoint read a cached value instead of querying MongoDB on every scrape.
 */
public class LagMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    /** Last measurement; {@code lag} is zero when nothing waits, {@code measuredAt} null before the first one. */
    public record Lag(Duration lag, Instant measuredAt, Optional<String> failure) {
    }

    private final FrameStore frames;
    private final ScheduledExecutorService timer;
    private volatile Lag last = new Lag(Duration.ZERO, null, Optional.of("not measured yet"));

    public LagMonitor(FrameStore frames, RelayMetrics metrics, Duration interval) {
        this.frames = frames;
        metrics.registerLag(() -> last.lag().toMillis() / 1000.0);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "relay-lag");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Lag last() {
        return last;
    }

    /** Measures now (also used by the scheduled task). */
    public Lag measure() {
        Instant now = Instant.now();
        try {
            Duration lag = frames.oldestUnrelayedCreatedAt().map(oldest -> Duration.between(oldest, now))
                    .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
            last = new Lag(lag, now, Optional.empty());
        } catch (RuntimeException e) {
            log.debug("lag measurement failed: {}", e.toString());
            last = new Lag(last.lag(), last.measuredAt(), Optional.of(e.getClass().getSimpleName()));
        }
        return last;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
