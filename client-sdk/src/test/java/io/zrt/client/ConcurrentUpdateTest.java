package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two members update their keys at the same moment: one wins the epoch, the other catches up and retries. */
class ConcurrentUpdateTest {

    private static ZrtClient client;

    @BeforeAll
    static void start() {
        client = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void simultaneousKeyUpdatesBothLand() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "race", List.of(bob.prekeyBundle()));
        GroupSession a = created.session();
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(), alice.publicKeyBytes());
        a.sync();
        long start = a.epoch();

        for (int round = 0; round < 3; round++) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> update(a, barrier));
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> update(b, barrier));
            assertThat(first.get()).isNotEqualTo(second.get());
        }
        a.sync();
        b.sync();
        assertThat(a.epoch()).isEqualTo(b.epoch()).isEqualTo(start + 6);
        b.sendChat("still in sync");
        assertThat(a.sync()).flatExtracting(GroupMessage::chats).containsExactly("still in sync");
    }

    @Test
    void asyncVariantsCompleteWithTheSameResults() throws Exception {
        Identity alice = Identity.generate();
        GroupSession a = client.createGroupAsync(alice, "Alice", "async").get();
        long seq = a.keyUpdateAsync().get();
        assertThat(a.nextSeq()).isEqualTo(seq + 1);
        assertThat(a.sendChatAsync("hello").get()).isEqualTo(seq + 1);
        CompletableFuture<GroupSession> bad = client.acceptInviteAsync(Identity.generate(), "x", new byte[] {1},
                alice.publicKeyBytes());
        assertThat(bad).failsWithin(java.time.Duration.ofSeconds(10)).withThrowableThat()
                .havingCause().isInstanceOf(VerificationFailedException.class);
    }

    private static long update(GroupSession session, CyclicBarrier barrier) {
        try {
            barrier.await();
            return session.keyUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
