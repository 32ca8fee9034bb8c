package io.zrt.client.internal;

import io.zrt.client.NetworkException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * The cancellation state of one {@code …Async} call, visible to the HTTP layer of the thread that runs it:
 * cancelling cancels the HTTP exchange in flight and wakes a retry pause, and every later step of the call
 * stops with "cancelled". Blocking calls run without a scope and are never cancelled.
 */
public final class CallScope {

    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

    private final Object pause = new Object();
    private volatile boolean cancelled;
    private volatile Call inFlight;

    /** Runs {@code body} with this scope bound to the current thread. */
    public <T> T run(Body<T> body) throws Exception {
        CallScope previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** A unit of work run inside a scope. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Exception;
    }

    public void cancel() {
        cancelled = true;
        Call call = inFlight;
        if (call != null) {
            call.cancel();
        }
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws if the call running on this thread was cancelled. */
    public static void checkCancelled() throws NetworkException {
        CallScope scope = CURRENT.get();
        if (scope != null && scope.cancelled) {
            throw new NetworkException("call cancelled");
        }
    }

    static void register(Call call) {
        CallScope scope = CURRENT.get();
        if (scope != null) {
            scope.inFlight = call;
            if (scope.cancelled) {
                call.cancel();
            }
        }
    }

    static void unregister() {
        CallScope scope = CURRENT.get();
        if (scope != null) {
            scope.inFlight = null;
        }
    }

    /** Sleeps {@code millis} unless the call is cancelled (or the thread interrupted) first. */
    static void pause(long millis) throws NetworkException {
        CallScope scope = CURRENT.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            if (scope == null) {
                Thread.sleep(millis);
                return;
            }
            synchronized (scope.pause) {
                long left;
                while (!scope.cancelled && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(scope.pause, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while waiting to retry");
        }
        checkCancelled();
    }
}
