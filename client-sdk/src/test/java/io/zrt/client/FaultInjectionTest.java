package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.testkit.faults.FaultProxy;
import io.zrt.testkit.faults.FaultProxy.Action;
import io.zrt.testkit.faults.FaultProxy.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation against the real Node (and Transistor) through a fault-injecting proxy: the answer lost after
 * the Node stored the frame, 503 and 429 storms, a stall past the read timeout, connection resets before and
 * after forwarding, and a lost answer while reads are down too (the operation stays pending and completes on the
 * next sync). Afterwards the member reads and sends normally, the operation is in the log exactly once, nothing
 * is left pending, and every other member agrees on the epoch and the messages.
 *
 * <p>Alice (owner) and Bob use a client whose Node and Transistor URLs point at the proxies; Carol (and a
 * newcomer, Dave) talk to the services directly.
 */
class FaultInjectionTest {

    private static final String FRAMES = "/v1/group/[^/]+/frames";
    private static final String CHALLENGE = "/v1/group/[^/]+/challenge";
    private static final String TRANSFERS = "/transistor/v1/public/transfers";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    private static final String STORM_TEXT = "through the storm";

    private static FaultProxy nodeProxy;
    private static FaultProxy transistorProxy;
    private static ZrtClient faulty;
    private static ZrtClient direct;

    /** Who performs the operation, and what it is. */
    enum Op {
        KEY_UPDATE(FrameKind.KEY_UPDATE), LEAVE(FrameKind.LEAVE_GROUP), REMOVE(FrameKind.REMOVE_MEMBER),
        ADD_IDENTIFIED(FrameKind.ADD_MEMBER), ADD_UNIDENTIFIED(FrameKind.ADD_MEMBER), PLAIN(FrameKind.PLAIN);

        final FrameKind kind;

        Op(FrameKind kind) {
            this.kind = kind;
        }
    }

    /** The injected fault and what the call that meets it must do. */
    enum Trouble {
        /** The first answer is lost after the Node stored the frame: the retry meets replayed_nonce. */
        ANSWER_LOST_ONCE(false),
        /** Every attempt's answer is lost and reads fail too: the call throws, the operation stays pending. */
        ANSWER_LOST_AND_READS_DOWN(true),
        STORM_503(false),
        STORM_429(false),
        /** Held past the client's read timeout, then forwarded: the Node stores it after the client gave up. */
        STALL_PAST_TIMEOUT(false),
        RESET_BEFORE_FORWARDING(false),
        RESET_AFTER_FORWARDING(false);

        final boolean leavesPending;

        Trouble(boolean leavesPending) {
            this.leavesPending = leavesPending;
        }

        void inject(FaultProxy proxy, String path) {
            switch (this) {
                case ANSWER_LOST_ONCE -> proxy.inject(Fault.of("POST", path, Action.LOSE_RESPONSE, 1));
                case ANSWER_LOST_AND_READS_DOWN -> {
                    proxy.inject(Fault.of("POST", path, Action.LOSE_RESPONSE, 3));
                    proxy.inject(Fault.of("GET", CHALLENGE, Action.RESET_BEFORE, 1000));
                }
                case STORM_503 -> proxy.inject(Fault.respond("POST", path, 503, 0, 3)); // OkHttp retries one itself
                case STORM_429 -> proxy.inject(Fault.respond("POST", path, 429, 1, 2));
                case STALL_PAST_TIMEOUT -> proxy.inject(Fault.stall("POST", path, READ_TIMEOUT.plusSeconds(1), 1));
                case RESET_BEFORE_FORWARDING -> proxy.inject(Fault.of("POST", path, Action.RESET_BEFORE, 2));
                case RESET_AFTER_FORWARDING -> proxy.inject(Fault.of("POST", path, Action.RESET_AFTER, 1));
                default -> throw new IllegalStateException();
            }
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Trouble trouble : Trouble.values()) {
                out.add(Arguments.of(op, trouble));
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void start() {
        nodeProxy = FaultProxy.start(Services.node().url());
        transistorProxy = FaultProxy.start(Services.transistor().url());
        faulty = ZrtClient.builder().nodeUrl(nodeProxy.url()).transistorUrl(transistorProxy.url())
                .timeouts(new Timeouts(Duration.ofSeconds(2), READ_TIMEOUT, READ_TIMEOUT, Duration.ofSeconds(30)))
                .retries(new Retries(3, Duration.ofMillis(50), 8))
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
        direct = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        faulty.close();
        direct.close();
        nodeProxy.close();
        transistorProxy.close();
    }

    @AfterEach
    void clearFaults() {
        nodeProxy.clear();
        transistorProxy.clear();
    }

    /** A three-member group: Alice and Bob through the proxies, Carol direct; each records what it processed. */
    private static final class Group {
        final Identity alice = Identity.generate();
        final Identity bob = Identity.generate();
        final Identity carol = Identity.generate();
        final GroupSession a;
        final GroupSession b;
        final GroupSession c;
        final List<GroupMessage> seenByCarol = new CopyOnWriteArrayList<>();
        final List<GroupMessage> seenByAlice = new CopyOnWriteArrayList<>();

        Group() throws ZrtException {
            ZrtClient.CreatedGroup created = faulty.createGroup(alice, "Alice", "faults",
                    List.of(bob.prekeyBundle(), carol.prekeyBundle()));
            a = created.session();
            b = faulty.acceptInvite(bob, "Bob", created.invitations().get(0).invite(), alice.publicKeyBytes());
            c = direct.acceptInvite(carol, "Carol", created.invitations().get(1).invite(), alice.publicKeyBytes());
            a.sync();
            b.sync();
            c.addListener(seenByCarol::add);
            a.addListener(seenByAlice::add);
        }
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("cases")
    void operationSurvivesTheFault(Op op, Trouble trouble) throws Exception {
        Group g = new Group();
        GroupSession subject = switch (op) {
            case KEY_UPDATE, LEAVE, PLAIN -> g.b;
            case REMOVE, ADD_IDENTIFIED, ADD_UNIDENTIFIED -> g.a;
        };
        long startSeq = g.c.nextSeq();
        Identity dave = Identity.generate();
        trouble.inject(nodeProxy, FRAMES);

        Object result = null;
        try {
            result = perform(op, g, dave);
            assertThat(trouble.leavesPending).as("the call completed although its outcome was unknowable").isFalse();
        } catch (NetworkException unknown) {
            assertThat(trouble.leavesPending).as("unexpected failure: " + unknown).isTrue();
            assertThat(subject.pendingOperations()).singleElement()
                    .satisfies(p -> assertThat(p.kind()).isEqualTo(op.kind));
            if (op == Op.ADD_IDENTIFIED || op == Op.ADD_UNIDENTIFIED) {
                assertThat(subject.pendingInvites()).singleElement()
                        .satisfies(p -> assertThat(p.status()).isEqualTo(PendingInvite.Status.ADD_PENDING));
            }
        }
        assertThat(nodeProxy.faultsUsedUp() || trouble == Trouble.ANSWER_LOST_AND_READS_DOWN)
                .as("the fault was met").isTrue();
        nodeProxy.clear();

        // The member carries on: pending work completes on its next sync, and it sends as usual.
        subject.sync();
        assertThat(subject.pendingOperations()).isEmpty();
        if (result == null && op == Op.ADD_IDENTIFIED) {
            result = g.a.invitation(g.a.pendingInvites().get(0).id());
        } else if (result == null && op == Op.ADD_UNIDENTIFIED) {
            result = g.a.ticket(g.a.pendingInvites().get(0).id());
        }
        if (op == Op.ADD_IDENTIFIED) {
            direct.acceptInvite(dave, "Dave", ((Invitation) result).invite(), g.alice.publicKeyBytes());
        } else if (op == Op.ADD_UNIDENTIFIED) {
            direct.acceptInvite(dave, "Dave", (InviteTicket) result, g.alice.publicKeyBytes());
        }
        agree(g, op);

        List<GroupMessage> since = (op == Op.REMOVE ? g.seenByAlice : g.seenByCarol).stream()
                .filter(m -> m.seq() >= startSeq).toList();
        long occurrences = op == Op.PLAIN
                ? since.stream().filter(m -> m.chats().contains(STORM_TEXT)).count()
                : since.stream().filter(m -> m.kind() == op.kind).count();
        assertThat(occurrences).as("the operation is in the log exactly once").isEqualTo(1);
    }

    private static Object perform(Op op, Group g, Identity dave) throws ZrtException {
        return switch (op) {
            case KEY_UPDATE -> g.b.keyUpdate();
            case LEAVE -> g.b.leave();
            case PLAIN -> g.b.sendChat(STORM_TEXT);
            case REMOVE -> g.a.remove(g.carol.userId());
            case ADD_IDENTIFIED -> g.a.invite(dave.prekeyBundle());
            case ADD_UNIDENTIFIED -> g.a.inviteUnidentified();
        };
    }

    /** Everyone still in the group catches up, each active member sends once, and all agree. */
    private static void agree(Group g, Op op) throws Exception {
        List<GroupSession> readers = new ArrayList<>(List.of(g.a, g.b, g.c));
        for (GroupSession s : readers) {
            s.sync();
        }
        switch (op) {
            // Alice, the owner, synced first and finalized the leave by herself
            case LEAVE -> assertThat(g.b.status()).isEqualTo(GroupStatus.REMOVED);
            case REMOVE -> assertThat(g.c.status()).isEqualTo(GroupStatus.REMOVED);
            default -> assertThat(readers).allSatisfy(s -> assertThat(s.status()).isEqualTo(GroupStatus.ACTIVE));
        }
        readers.removeIf(s -> !s.status().readable());
        List<String> sent = new ArrayList<>();
        if (op == Op.PLAIN) {
            sent.add(STORM_TEXT);
        }
        for (GroupSession s : readers) {
            if (s.status() == GroupStatus.ACTIVE) {
                String text = "after, from leaf " + s.myLeaf();
                s.sendChat(text);
                sent.add(text);
            }
        }
        for (GroupSession s : readers) {
            s.sync();
        }
        GroupSession first = readers.get(0);
        assertThat(readers).allSatisfy(s -> {
            assertThat(s.epoch()).isEqualTo(first.epoch());
            assertThat(s.nextSeq()).isEqualTo(first.nextSeq());
            assertThat(s.pendingOperations()).isEmpty();
            assertThat(s.members()).isEqualTo(first.members());
        });
        GroupSession witness = op == Op.REMOVE ? g.a : g.c;
        witness.runner().awaitDeliveries();
        List<String> heard = (op == Op.REMOVE ? g.seenByAlice : g.seenByCarol).stream()
                .flatMap(m -> m.chats().stream()).filter(sent::contains).toList();
        assertThat(heard).as("what the members said, each once").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(first.members()).extracting(Member::leaf).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "unidentified invite upload under {0}")
    @MethodSource("uploadFaults")
    void inviteWhoseUploadFailsIsKeptAndCompletedLater(Action action, int times, boolean fails) throws Exception {
        Group g = new Group();
        transistorProxy.inject(Fault.of("POST", TRANSFERS, action, times));
        InviteTicket ticket;
        if (fails) {
            assertThatThrownBy(g.a::inviteUnidentified).isInstanceOf(NetworkException.class);
            PendingInvite kept = g.a.pendingInvites().get(0);
            assertThat(kept.status()).isEqualTo(PendingInvite.Status.READY);
            assertThat(kept.kind()).isEqualTo(PendingInvite.Kind.UNIDENTIFIED);
            transistorProxy.clear();
            ticket = g.a.ticket(kept.id());
        } else {
            ticket = g.a.inviteUnidentified();
        }
        assertThat(g.a.pendingInvites()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PendingInvite.Status.UPLOADED));
        assertThat(g.a.ticket(g.a.pendingInvites().get(0).id())).isEqualTo(ticket);
        Identity dave = Identity.generate();
        GroupSession d = direct.acceptInvite(dave, "Dave", ticket, g.alice.publicKeyBytes());
        g.a.sync();
        assertThat(g.a.pendingInvites()).as("the join ends the invite record").isEmpty();
        assertThat(g.a.members()).hasSize(4).extracting(Member::userId).contains(dave.userId());
        assertThat(g.a.epoch()).isEqualTo(d.epoch());
        assertThat(g.seenByAlice.stream().filter(m -> m.kind() == FrameKind.ADD_MEMBER)).hasSize(1);
    }

    static Stream<Arguments> uploadFaults() {
        return Stream.of(Arguments.of(Action.LOSE_RESPONSE, 1, false), Arguments.of(Action.RESET_AFTER, 1, false),
                Arguments.of(Action.RESET_BEFORE, 2, false), Arguments.of(Action.RESET_BEFORE, 3, true),
                Arguments.of(Action.LOSE_RESPONSE, 3, true));
    }

    @ParameterizedTest(name = "reads under {0}")
    @MethodSource("readFaults")
    void readsAndJoiningSurviveFaultsOnEveryReadCall(String method, String path, Action action) throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = direct.createGroup(alice, "Alice", "reads", List.of(bob.prekeyBundle()));
        GroupSession a = created.session();
        a.sendChat("before bob joined");
        nodeProxy.inject(Fault.of(method, path, action, 2));
        GroupSession b = faulty.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                alice.publicKeyBytes());
        a.sendChat("hello bob");
        nodeProxy.inject(Fault.of(method, path, action, 2));
        assertThat(b.sync()).flatExtracting(GroupMessage::chats).containsExactly("hello bob");
        a.sync();
        assertThat(a.epoch()).isEqualTo(b.epoch());
        assertThat(nodeProxy.exchanges().stream().filter(e -> e.fault() == action)).hasSizeGreaterThanOrEqualTo(2);
    }

    static Stream<Arguments> readFaults() {
        return Stream.of(
                Arguments.of("GET", CHALLENGE, Action.RESET_BEFORE),
                Arguments.of("GET", CHALLENGE, Action.LOSE_RESPONSE),
                Arguments.of("GET", FRAMES, Action.LOSE_RESPONSE), // the challenge it carried is spent: a fresh one
                Arguments.of("GET", FRAMES, Action.RESET_AFTER),
                Arguments.of("GET", "/v1/group/[^/]+/tree/.*", Action.LOSE_RESPONSE));
    }

    @org.junit.jupiter.api.Test
    void aStormLongerThanTheRetriesIsARefusalAndNothingHappened() throws Exception {
        Group g = new Group();
        long epoch = g.b.epoch();
        // Retry-After: 1 as the Node sends it (OkHttp itself retries a 503 with Retry-After: 0 once)
        nodeProxy.inject(Fault.respond("POST", FRAMES, 503, 1, 3));
        assertThatThrownBy(g.b::keyUpdate).isInstanceOfSatisfying(NodeRejectedException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(g.b.pendingOperations()).isEmpty();
        assertThat(g.b.epoch()).isEqualTo(epoch);
        nodeProxy.clear();
        g.b.keyUpdate();
        g.c.sync();
        assertThat(g.c.epoch()).isEqualTo(g.b.epoch()).isEqualTo(epoch + 1);
    }

    @org.junit.jupiter.api.Test
    void callTimeoutBoundsTheWholeCallIncludingRetries() throws Exception {
        Identity alice = Identity.generate();
        try (ZrtClient impatient = ZrtClient.builder().nodeUrl(nodeProxy.url())
                .timeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(700), Duration.ofSeconds(1),
                        Duration.ofMillis(1500)))
                .retries(new Retries(10, Duration.ofMillis(10), 1)).build()) {
            GroupSession a = impatient.createGroup(alice, "Alice", "impatient");
            nodeProxy.inject(Fault.stall("POST", FRAMES, Duration.ofSeconds(3), 10));
            long started = System.nanoTime();
            assertThatThrownBy(() -> a.sendChat("x")).isInstanceOf(NetworkException.class);
            long took = (System.nanoTime() - started) / 1_000_000;
            // one call of at most 1.5 s (plus the catch-up that looks for the frame), not 10 attempts of 0.7 s
            assertThat(took).isBetween(1_400L, 5_000L);
            assertThat(a.pendingOperations()).as("its outcome is unknown: it stays pending").hasSize(1);
        }
    }
}
