package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.testkit.centrifugo.CentrifugoConfig;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live delivery through Centrifugo uni_sse with a push token from the Node: messages arrive in seq order; one
 * SSE reconnect in the middle (with frames published while disconnected) loses and duplicates nothing.
 */
class LiveDeliveryTest {

    private static CentrifugoServer centrifugo;
    private static TestRelay relay;
    private static ZrtClient client;

    @BeforeAll
    static void start() {
        centrifugo = TestCentrifugo.start(CentrifugoConfig.defaults().withTokenSecret(Services.PUSH_SECRET));
        relay = new TestRelay(centrifugo);
        client = Services.client().centrifugoUrl(centrifugo.url()).keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        relay.close();
        centrifugo.close();
    }

    @Test
    void messagesArriveLiveInOrderAcrossAReconnect() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "live", List.of(bob.prekeyBundle()));
        GroupSession a = created.session();
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(), alice.publicKeyBytes());
        a.sync();

        List<GroupMessage> received = new CopyOnWriteArrayList<>();
        List<ZrtException> errors = new CopyOnWriteArrayList<>();
        try (Subscription live = b.subscribe(new MessageListener() {
            @Override
            public void onMessage(GroupMessage message) {
                received.add(message);
            }

            @Override
            public void onError(ZrtException error) {
                errors.add(error);
            }
        })) {
            await(live::isConnected);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add("before " + i);
                a.sendChat("before " + i);
            }
            a.keyUpdate();
            await(() -> chats(received).size() == 5 && b.epoch() == a.epoch());

            // Drop the connection while the relay is paused, send meanwhile, then let everything flow again.
            relay.pause(true);
            client.liveHub().dropConnections();
            for (int i = 0; i < 5; i++) {
                sent.add("during " + i);
                a.sendChat("during " + i);
            }
            relay.pause(false);
            await(() -> live.connections() >= 2);
            long pushedBefore = client.liveHub().publications();
            for (int i = 0; i < 5; i++) {
                sent.add("after " + i);
                a.sendChat("after " + i);
            }
            await(() -> chats(received).size() == sent.size());
            Thread.sleep(500); // duplicates still in flight would show up now
            assertThat(chats(received)).containsExactlyElementsOf(sent);
            List<Long> seqs = received.stream().map(GroupMessage::seq).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(seqs.get(seqs.size() - 1)).isEqualTo(a.nextSeq() - 1);
            assertThat(b.nextSeq()).isEqualTo(a.nextSeq());
            assertThat(errors).isEmpty();
            // the last messages came through Centrifugo, not only through catch-up reads
            assertThat(client.liveHub().publications()).isGreaterThanOrEqualTo(pushedBefore + 5);
        }
    }

    @Test
    void oneClientKeepsManyGroupsLiveAtOnce() throws Exception {
        // More live groups than OkHttp runs asynchronous calls per host by default (5): every one connects.
        Identity alice = Identity.generate();
        List<Subscription> subscriptions = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                GroupSession group = client.createGroup(alice, "Alice", "many-" + i);
                subscriptions.add(group.subscribe(message -> { }));
            }
            await(() -> subscriptions.stream().allMatch(Subscription::isConnected));
        } finally {
            subscriptions.forEach(Subscription::close);
        }
    }

    private static List<String> chats(List<GroupMessage> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.addAll(m.chats()));
        return out;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
