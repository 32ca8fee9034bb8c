package io.zrt.node.storage.durability;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in groups: a caller whose write is already in the store asks for a durable point and
 * returns once a commit that started after its write has finished. Callers that arrive while a commit runs
 * share the next one, so N concurrent writers cost about one commit (and one fsync), not N.
 */
final class GroupCommit {

    private final Runnable commit;
    private final ReentrantLock committing = new ReentrantLock();
    private final Object tickets = new Object();
    private long issued;
    private volatile long durable;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Returns once everything written before this call is durable; a failed commit throws. */
    void awaitDurable() {
        long ticket;
        synchronized (tickets) {
            ticket = ++issued;
        }
        committing.lock();
        try {
            if (durable >= ticket) {
                return; // a commit that began after our write covered it
            }
            long covered;
            synchronized (tickets) {
                covered = issued;
            }
            commit.run();
            durable = covered;
        } finally {
            committing.unlock();
        }
    }
}
