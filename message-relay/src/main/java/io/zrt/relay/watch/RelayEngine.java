package io.zrt.relay.watch;

import io.zrt.relay.RelayProperties;
import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.JetStreamPublisher;
import io.zrt.relay.publish.SeqConflicts;
import io.zrt.relay.state.FrameStore;
import io.zrt.relay.state.LeaseStore;
import io.zrt.relay.state.ResumeTokenStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on whichever instance holds the lease. Every instance loops: a standby tries to take an
 * expired lease, the leader renews it. The leader publishes only while its lease is valid by its own clock
 * (renewal time + 3/4 of the TTL), so a paused leader stops before a successor can start.
 */
public class RelayEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayEngine.class);

    private final RelayProperties properties;
    private final FrameStore frames;
    private final LeaseStore leases;
    private final ResumeTokenStore tokens;
    private final JetStreamPublisher publisher;
    private final RelayMetrics metrics;
    private final SeqConflicts conflicts;
    private final AtomicBoolean fencedOut = new AtomicBoolean();
    private volatile boolean running;
    private volatile long validUntilNanos;
    private Thread thread;
    private RelaySession session;
    private LeaseStore.Grant grant;

    public RelayEngine(RelayProperties properties, FrameStore frames, LeaseStore leases, ResumeTokenStore tokens,
            JetStreamPublisher publisher, RelayMetrics metrics, SeqConflicts conflicts) {
        this.properties = properties;
        this.frames = frames;
        this.leases = leases;
        this.tokens = tokens;
        this.publisher = publisher;
        this.metrics = metrics;
        this.conflicts = conflicts;
    }

    /** Whether this instance currently holds the lease. */
    public boolean isLeader() {
        return grant != null && System.nanoTime() < validUntilNanos;
    }

    public String instanceId() {
        return properties.instanceId();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "relay-lease");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread loop = thread;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(properties.shutdownTimeout().toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        boolean streamReady = false;
        long interval = properties.lease().renewInterval().toMillis();
        try {
            while (running) {
                try {
                    if (!streamReady) {
                        publisher.ensureStream();
                        streamReady = true;
                    }
                    if (session == null) {
                        tryLead();
                    } else {
                        keepLeading();
                    }
                } catch (Exception e) {
                    metrics.error(streamReady ? "lease" : "publish");
                    log.warn("relay lease loop: {}", e.toString());
                    if (session != null && System.nanoTime() >= validUntilNanos) {
                        endTerm(false, "lease could not be renewed in time");
                    }
                }
                if (running) {
                    Thread.sleep(interval);
                }
            }
        } catch (InterruptedException e) {
            // stop() wakes the loop this way; the graceful end below must not see the flag
        } finally {
            Thread.interrupted();
            if (session != null) {
                endTerm(true, "shutting down");
            }
        }
    }

    private void tryLead() {
        frames.ensureIndexes();
        long start = System.nanoTime();
        Optional<LeaseStore.Grant> acquired = leases.tryAcquire(properties.instanceId(), properties.lease().ttl());
        if (acquired.isEmpty()) {
            return;
        }
        grant = acquired.get();
        validUntilNanos = start + validity();
        fencedOut.set(false);
        log.info("instance {} leads the relay (fence {})", properties.instanceId(), grant.fence());
        metrics.leader(true);
        session = new RelaySession(properties, frames, tokens, grant.fence(), publisher, publisher, conflicts,
                () -> !fencedOut.get() && System.nanoTime() < validUntilNanos, metrics, () -> fencedOut.set(true));
        session.start();
    }

    private void keepLeading() {
        if (fencedOut.get()) {
            endTerm(false, "fenced out by a newer leader");
            return;
        }
        long start = System.nanoTime();
        if (leases.renew(grant, properties.lease().ttl())) {
            validUntilNanos = start + validity();
        } else {
            endTerm(false, "lease taken over");
        }
    }

    private void endTerm(boolean graceful, String reason) {
        log.info("instance {} stops relaying: {}", properties.instanceId(), reason);
        if (graceful) {
            session.stopGracefully(properties.shutdownTimeout());
            try {
                leases.release(grant);
            } catch (RuntimeException e) {
                log.warn("releasing the lease failed; it expires by itself: {}", e.toString());
            }
        } else {
            session.abort();
        }
        session = null;
        grant = null;
        validUntilNanos = 0;
        metrics.leader(false);
    }

    private long validity() {
        Duration ttl = properties.lease().ttl();
        return ttl.toNanos() / 4 * 3;
    }
}
