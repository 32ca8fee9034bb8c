package io.zrt.testkit.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** One JVM shutdown hook that closes every started resource, newest first. */
public final class Cleanup {

    private static final Deque<AutoCloseable> RESOURCES = new ArrayDeque<>();
    private static boolean hookInstalled;

    private Cleanup() {
    }

    public static synchronized void atExit(AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "zrt-testkit-cleanup"));
            hookInstalled = true;
        }
        RESOURCES.push(resource);
    }

    /** Drops a resource that its owner already closed. */
    public static synchronized void forget(AutoCloseable resource) {
        RESOURCES.remove(resource);
    }

    private static void closeAll() {
        while (true) {
            AutoCloseable next;
            synchronized (Cleanup.class) {
                next = RESOURCES.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception ignored) {
                // the JVM is going down; nothing useful can be done with the failure
            }
        }
    }
}
