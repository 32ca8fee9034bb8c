package io.zrt.node.storage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Writes done so far, as a commit would see them when it starts. */
    private final AtomicLong written = new AtomicLong();
    private volatile long lastCommitted;
    private final AtomicInteger commits = new AtomicInteger();

    @Test
    void everyCallerReturnsOnlyAfterACommitThatSawItsWriteAndConcurrentCallersShareCommits() throws Exception {
        GroupCommit group = new GroupCommit(() -> {
            long seen = written.get();
            commits.incrementAndGet();
            pause(); // a slow fsync, so that callers pile up behind it
            lastCommitted = seen;
        });
        int threads = 16;
        int writesEach = 50;
        ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < writesEach; i++) {
                    long mine = written.incrementAndGet();
                    group.awaitDurable();
                    if (lastCommitted < mine) {
                        early.add("write " + mine + " returned after a commit that covered only " + lastCommitted);
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(early).isEmpty();
        assertThat(lastCommitted).isEqualTo(threads * writesEach);
        assertThat(commits.get()).isLessThan(threads * writesEach);
    }

    @Test
    void aFailedCommitReachesTheCallerAndTheNextCallerCommitsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(group::awaitDurable).hasMessage("disk full");
        group.awaitDurable();
        assertThat(attempts.get()).isEqualTo(2);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
