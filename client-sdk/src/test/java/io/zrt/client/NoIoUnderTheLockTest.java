package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.testkit.faults.FaultProxy;
import io.zrt.testkit.faults.FaultProxy.Action;
import io.zrt.testkit.faults.FaultProxy.Fault;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The session lock covers state transitions only: while one of the member's operations is held inside its POST
 * (the proxy keeps the request), or inside its build (the random source the prover draws from is stopped), the
 * same session still catches up on what others sent and answers questions about its state; the held operation
 * then completes on the state the others moved to.
 */
class NoIoUnderTheLockTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aPostHeldByTheNetworkDoesNotBlockReadingTheSameSession() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        try (FaultProxy proxy = FaultProxy.start(Services.node().url());
                ZrtClient slow = ZrtClient.builder().nodeUrl(proxy.url()).keyUpdatePolicy(KeyUpdatePolicy.manual())
                        .build();
                ZrtClient direct = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            ZrtClient.CreatedGroup created = direct.createGroup(alice, "Alice", "held", List.of(bob.prekeyBundle()));
            GroupSession a = created.session();
            GroupSession b = slow.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                    alice.publicKeyBytes());
            a.sync();
            proxy.inject(Fault.of("POST", "/v1/group/[^/]+/frames", Action.HOLD_REQUEST, 1));
            CompletableFuture<Long> held = b.sendChatAsync("sent while held");
            assertThat(proxy.awaitHeld(WAIT)).as("Bob's POST is held").isNotNull();

            a.sendChat("alice meanwhile");
            List<GroupMessage> caughtUp = b.sync(); // must not wait for the held POST
            assertThat(caughtUp).flatExtracting(GroupMessage::chats).containsExactly("alice meanwhile");
            assertThat(b.pendingOperations()).hasSize(1);
            assertThat(held).isNotDone();

            proxy.releaseHeld();
            long seq = held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(seq).isEqualTo(b.nextSeq() - 1);
            assertThat(a.sync()).flatExtracting(GroupMessage::chats).containsExactly("sent while held");
            assertThat(b.pendingOperations()).isEmpty();
        }
    }

    @Test
    void anOperationBeingBuiltAndProvenDoesNotBlockReadingAndIsRebuiltWhenTheEpochMoved() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        StoppableRandom random = new StoppableRandom();
        try (ZrtClient bobs = Services.client().random(random).keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
                ZrtClient direct = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            ZrtClient.CreatedGroup created = direct.createGroup(alice, "Alice", "building",
                    List.of(bob.prekeyBundle()));
            GroupSession a = created.session();
            GroupSession b = bobs.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                    alice.publicKeyBytes());
            a.sync();
            long epoch = b.epoch();
            random.stopNextDrawOn("builder");
            CompletableFuture<Long> update = new CompletableFuture<>();
            Thread builder = new Thread(() -> {
                try {
                    update.complete(b.keyUpdate());
                } catch (ZrtException | RuntimeException e) {
                    update.completeExceptionally(e);
                }
            }, "builder");
            builder.start();
            assertThat(random.stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the build is under way").isTrue();

            a.keyUpdate(); // another member takes the next epoch while Bob's frame is being built
            a.sendChat("alice moved on");
            assertThat(b.sync()).flatExtracting(GroupMessage::chats).containsExactly("alice moved on");
            assertThat(b.epoch()).isEqualTo(epoch + 1);

            random.go();
            long seq = update.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(b.epoch()).isEqualTo(epoch + 2); // rebuilt on the new epoch, not lost
            a.sync();
            assertThat(a.epoch()).isEqualTo(b.epoch());
            assertThat(seq).isEqualTo(b.nextSeq() - 1);
        }
    }

    /** A SecureRandom that, once armed, stops the next draw made on the named thread until released. */
    private static final class StoppableRandom extends SecureRandom {
        final CountDownLatch stopped = new CountDownLatch(1);
        private final CountDownLatch go = new CountDownLatch(1);
        private volatile String thread;

        void stopNextDrawOn(String threadName) {
            thread = threadName;
        }

        void go() {
            go.countDown();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (thread != null && thread.equals(Thread.currentThread().getName())) {
                thread = null;
                stopped.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.nextBytes(bytes);
        }
    }
}
