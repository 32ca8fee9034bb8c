package io.zrt.client.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on another executor with at most {@code parallelism} of them at a time, in submission order. With a
 * parallelism of 1 it is a serial executor: what one session delivers to its listeners, or processes from its
 * live connection, runs one task after the other, in order, on whatever thread the underlying executor lends.
 */
public final class LimitedExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(LimitedExecutor.class);

    private final Executor delegate;
    private final int parallelism;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private int running;

    public LimitedExecutor(Executor delegate, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.delegate = delegate;
        this.parallelism = parallelism;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running >= parallelism) {
                return;
            }
            running++;
        }
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
                tasks.clear(); // the client is closing: nothing queued here will run
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running--;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("an SDK task failed: {}", e.toString());
            }
        }
    }
}
