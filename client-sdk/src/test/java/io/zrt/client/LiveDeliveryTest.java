package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zrt.testkit.centrifugo.CentrifugoConfig;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import io.zrt.testkit.faults.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live delivery through Centrifugo uni_sse with push tokens from the Node (tokens live 20 s here): messages
 * arrive in seq order, a dropped connection loses and duplicates nothing, every subscribed group of a client
 * shares one connection (a second one only past 100 groups), token renewal replaces the connection without a
 * gap or a catch-up, listeners run on the SDK's executor and can be removed, and close() ends it all.
 */
class LiveDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
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

    /** Records messages and errors of one listener. */
    private static final class Recorder implements MessageListener {
        final List<GroupMessage> messages = new CopyOnWriteArrayList<>();
        final List<GroupEvent> events = new CopyOnWriteArrayList<>();
        final List<ZrtException> errors = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(GroupMessage message) {
            threads.add(Thread.currentThread().getName());
            messages.add(message);
        }

        @Override
        public void onEvent(GroupEvent event) {
            events.add(event);
        }

        @Override
        public void onError(ZrtException error) {
            errors.add(error);
        }

        List<String> chats() {
            List<String> out = new ArrayList<>();
            messages.forEach(m -> out.addAll(m.chats()));
            return out;
        }
    }

    @Test
    void messagesArriveLiveInOrderAcrossAReconnect() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "live", List.of(bob.prekeyBundle()));
        GroupSession a = created.session();
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(), alice.publicKeyBytes());
        a.sync();

        Recorder received = new Recorder();
        try (Subscription live = b.subscribe(received)) {
            await().atMost(WAIT).until(live::isConnected);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add("before " + i);
                a.sendChat("before " + i);
            }
            a.keyUpdate();
            await().atMost(WAIT).until(() -> received.chats().size() == 5 && b.epoch() == a.epoch());

            // Drop the connection while the relay is paused, send meanwhile, then let everything flow again.
            relay.pause(true);
            client.liveHub().dropConnections();
            for (int i = 0; i < 5; i++) {
                sent.add("during " + i);
                a.sendChat("during " + i);
            }
            relay.pause(false);
            await().atMost(WAIT).until(() -> live.connections() >= 2);
            long pushedBefore = client.liveHub().publications();
            for (int i = 0; i < 5; i++) {
                sent.add("after " + i);
                a.sendChat("after " + i);
            }
            await().atMost(WAIT).until(() -> received.chats().size() == sent.size());
            assertThat(received.chats()).containsExactlyElementsOf(sent);
            List<Long> seqs = received.messages.stream().map(GroupMessage::seq).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            assertThat(seqs.get(seqs.size() - 1)).isEqualTo(a.nextSeq() - 1);
            assertThat(b.nextSeq()).isEqualTo(a.nextSeq());
            assertThat(received.errors).isEmpty();
            // the last messages came through Centrifugo, not only through catch-up reads
            await().atMost(WAIT).until(() -> client.liveHub().publications() >= pushedBefore + 5);
            // and listeners ran on the SDK's executor, never on the connection's reader thread
            assertThat(received.threads).allSatisfy(name -> assertThat(name).startsWith("zrt-client"));
        }
    }

    @Test
    void everySubscribedGroupOfAClientSharesOneConnection() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        try (ZrtClient own = Services.client().centrifugoUrl(centrifugo.url())
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            List<GroupSession> owner = new ArrayList<>();
            List<GroupSession> member = new ArrayList<>();
            List<Recorder> recorders = new ArrayList<>();
            List<Subscription> subscriptions = new ArrayList<>();
            // More live groups than OkHttp runs asynchronous calls per host by default (5).
            for (int i = 0; i < 7; i++) {
                ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "shared-" + i,
                        List.of(bob.prekeyBundle()));
                owner.add(created.session());
                GroupSession b = own.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                        alice.publicKeyBytes());
                member.add(b);
                Recorder r = new Recorder();
                recorders.add(r);
                subscriptions.add(b.subscribe(r));
            }
            await().atMost(WAIT).until(() -> subscriptions.stream().allMatch(Subscription::isConnected));
            assertThat(own.liveHub().openConnections()).isEqualTo(1);
            for (int i = 0; i < 7; i++) {
                owner.get(i).sendChat("to group " + i);
            }
            for (int i = 0; i < 7; i++) {
                Recorder r = recorders.get(i);
                String expected = "to group " + i;
                await().atMost(WAIT).until(() -> r.chats().contains(expected));
                assertThat(r.chats()).containsExactly(expected);
            }
            // a group leaving the connection does not disturb the others
            subscriptions.get(0).close();
            owner.get(1).sendChat("still here");
            await().atMost(WAIT).until(() -> recorders.get(1).chats().contains("still here"));
            subscriptions.forEach(Subscription::close);
            await().atMost(WAIT).until(() -> own.liveHub().openConnections() == 0);
        }
    }

    @Test
    void moreThanAHundredGroupsOpenASecondConnectionOnly() throws Exception {
        Identity alice = Identity.generate();
        try (ZrtClient own = Services.client().centrifugoUrl(centrifugo.url())
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            List<Subscription> subscriptions = new ArrayList<>();
            List<GroupSession> groups = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                GroupSession g = own.createGroup(alice, "Alice", "many-" + i);
                groups.add(g);
                subscriptions.add(g.subscribe(message -> { }));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> subscriptions.stream().allMatch(Subscription::isConnected));
            assertThat(own.liveHub().openConnections()).isEqualTo(2);
        }
    }

    @Test
    void tokenRenewalReplacesTheConnectionWithoutAGapOrACatchUp() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        try (FaultProxy counting = FaultProxy.start(Services.node().url());
                ZrtClient own = ZrtClient.builder().nodeUrl(counting.url()).centrifugoUrl(centrifugo.url())
                        .keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "renewal",
                    List.of(bob.prekeyBundle()));
            GroupSession a = created.session();
            GroupSession b = own.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                    alice.publicKeyBytes());
            a.sync();
            Recorder received = new Recorder();
            try (Subscription live = b.subscribe(received)) {
                await().atMost(WAIT).until(live::isConnected);
                // once this is heard, the catch-up that follows a connection's first opening has run
                a.sendChat("warm");
                await().atMost(WAIT).until(() -> received.chats().contains("warm"));
                received.messages.clear();
                int readsBefore = counting.exchanges("GET", "/v1/group/[^/]+/frames").size();
                List<String> sent = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                int i = 0;
                while (live.connections() < 2 && System.nanoTime() < deadline) {
                    String text = "tick " + i++;
                    a.sendChat(text);
                    sent.add(text);
                    Thread.sleep(250);
                }
                assertThat(live.connections()).as("renewed before the 20 s token expired").isGreaterThanOrEqualTo(2);
                for (int k = 0; k < 3; k++) {
                    a.sendChat("after renewal " + k);
                    sent.add("after renewal " + k);
                }
                await().atMost(WAIT).until(() -> received.chats().size() == sent.size());
                assertThat(received.chats()).containsExactlyElementsOf(sent);
                assertThat(counting.exchanges("GET", "/v1/group/[^/]+/frames"))
                        .as("no catch-up read was needed").hasSize(readsBefore);
                assertThat(received.errors).isEmpty();
            }
        }
    }

    @Test
    void listenersRunOnTheApplicationsExecutorCanBeRemovedAndCloseEndsTheConnection() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ExecutorService app = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "app-executor-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        java.util.Set<Thread> before = sdkThreads();
        ZrtClient own = Services.client().centrifugoUrl(centrifugo.url()).executor(app)
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
        try {
            ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "executor",
                    List.of(bob.prekeyBundle()));
            GroupSession a = created.session();
            GroupSession b = own.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                    alice.publicKeyBytes());
            Recorder live = new Recorder();
            Recorder extra = new Recorder();
            b.addListener(extra);
            Subscription subscription = b.subscribe(live);
            await().atMost(WAIT).until(subscription::isConnected);
            a.sendChat("one");
            await().atMost(WAIT).until(() -> live.chats().contains("one") && extra.chats().contains("one"));
            assertThat(b.removeListener(extra)).isTrue();
            assertThat(b.removeListener(extra)).isFalse();
            Identity carol = Identity.generate();
            Invitation invite = a.invite(carol.prekeyBundle());
            client.acceptInvite(carol, "Carol", invite.invite(), alice.publicKeyBytes());
            a.sendChat("two");
            await().atMost(WAIT).until(() -> live.chats().contains("two"));
            assertThat(extra.chats()).containsExactly("one");
            assertThat(live.threads).allSatisfy(name -> assertThat(name).startsWith("app-executor-"));
            assertThat(live.events).filteredOn(e -> e instanceof GroupEvent.MembershipChanged)
                    .extracting(e -> ((GroupEvent.MembershipChanged) e).change())
                    .containsExactly(GroupEvent.MembershipChanged.Change.INVITED,
                            GroupEvent.MembershipChanged.Change.JOINED);
        } finally {
            own.close();
        }
        assertThat(own.liveHub().openConnections()).isZero();
        await().atMost(WAIT).until(() -> before.containsAll(sdkThreads())); // this client's timer is gone
        assertThat(app.isShutdown()).as("the application's executor is the application's").isFalse();
        app.shutdownNow();
    }

    private static java.util.Set<Thread> sdkThreads() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("zrt-"))
                .forEach(out::add);
        return out;
    }
}
