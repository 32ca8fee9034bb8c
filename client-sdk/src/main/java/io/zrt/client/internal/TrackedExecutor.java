package io.zrt.client.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The client's executor as the SDK uses it: counts the SDK's own tasks, so that closing the client can wait for
 * them even on an application's executor (which the SDK never shuts down), and refuses new tasks once closed.
 */
public final class TrackedExecutor implements Executor {

    private final ExecutorService delegate;
    private final boolean owned;
    private int active;
    private boolean shutdown;

    public TrackedExecutor(ExecutorService delegate, boolean owned) {
        this.delegate = delegate;
        this.owned = owned;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (shutdown) {
                throw new RejectedExecutionException("the client is closed");
            }
            active++;
        }
        try {
            delegate.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
            throw e;
        }
    }

    private synchronized void finished() {
        active--;
        notifyAll();
    }

    /** No new tasks; an executor the SDK made is shut down (its running tasks finish). */
    public void shutdown() {
        synchronized (this) {
            shutdown = true;
        }
        if (owned) {
            delegate.shutdown();
        }
    }

    /** Waits until the SDK's tasks have finished, at most {@code timeout}; true if they have. */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            long left;
            while (active > 0 && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (active > 0) {
                return false;
            }
        }
        return !owned || delegate.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Tasks of the SDK running or queued right now (diagnostics). */
    public synchronized int active() {
        return active;
    }
}
