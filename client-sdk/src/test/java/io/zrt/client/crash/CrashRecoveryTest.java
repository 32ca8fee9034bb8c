package io.zrt.client.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.client.FrameKind;
import io.zrt.client.GroupMessage;
import io.zrt.client.GroupSession;
import io.zrt.client.Identity;
import io.zrt.client.InviteTicket;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.Member;
import io.zrt.client.PendingInvite;
import io.zrt.client.PendingOperation;
import io.zrt.client.ServicesAccess;
import io.zrt.client.StateKey;
import io.zrt.client.ZrtClient;
import io.zrt.client.storage.FileSessionStorage;
import io.zrt.testkit.faults.FaultProxy;
import io.zrt.testkit.faults.FaultProxy.Action;
import io.zrt.testkit.faults.FaultProxy.Fault;
import io.zrt.testkit.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The owner's application is a separate JVM ({@link CrashingMember}) with a file store, killed with SIGKILL at
 * each step of an operation: while writing the operation ahead, after that but before its POST reached the Node,
 * after the Node stored the frame but before the answer arrived, and after the answer but before the session
 * saved the result. Restarted from its store (a new client on the same directory) it continues: the operation
 * landed exactly once or not at all, nothing stays pending, an invite's secret is never lost, and the other
 * member agrees on the epoch and the messages.
 */
class CrashRecoveryTest {

    static final String CHAT = "said just before the crash";
    /** The state key of this run (test only): the parent and the child it kills share it through a file. */
    private static final byte[] STATE_KEY_BYTES = randomKey();
    private static final StateKey STATE_KEY = StateKey.of("crash-test", STATE_KEY_BYTES);

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }
    private static final String FRAMES = "/v1/group/[^/]+/frames";
    private static final Duration STEP_WAIT = Duration.ofSeconds(90);

    private static FaultProxy nodeProxy;
    private static FaultProxy transistorProxy;
    private static ZrtClient others;

    enum Operation { KEY_UPDATE, INVITE_UNIDENTIFIED, PLAIN }

    /** Where the child dies, and whether the operation is then in the Node's log. */
    enum Point {
        WHILE_WRITING_AHEAD(false, false),
        BEFORE_THE_POST(true, false),
        AFTER_THE_POST_BEFORE_THE_ANSWER(true, true),
        AFTER_THE_ANSWER_BEFORE_THE_SAVE(true, true);

        final boolean pendingAfterRestart;
        final boolean storedAtTheNode;

        Point(boolean pendingAfterRestart, boolean storedAtTheNode) {
            this.pendingAfterRestart = pendingAfterRestart;
            this.storedAtTheNode = storedAtTheNode;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (Point point : Point.values()) {
                out.add(Arguments.of(op, point));
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void start() {
        nodeProxy = FaultProxy.start(ServicesAccess.nodeUrl());
        transistorProxy = FaultProxy.start(ServicesAccess.transistorUrl());
        others = ServicesAccess.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        others.close();
        nodeProxy.close();
        transistorProxy.close();
    }

    @AfterEach
    void clear() {
        nodeProxy.clear();
    }

    @ParameterizedTest(name = "{0}, killed {1}")
    @MethodSource("cases")
    void ownerKilledAtEachStepContinuesFromItsStore(Operation op, Point point, @TempDir Path dir)
            throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        Path store = dir.resolve("store");
        String group;
        try (ZrtClient first = ServicesAccess.client().storage(new FileSessionStorage(store))
                .stateKey(STATE_KEY)
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            ZrtClient.CreatedGroup created = first.createGroup(alice, "Alice", "crash",
                    List.of(bob.prekeyBundle()));
            group = created.session().groupId();
            others.acceptInvite(bob, "Bob", created.invitations().get(0).invite(), alice.publicKeyBytes());
            created.session().sync();
        }
        GroupSession b = others.openSession(bob, group);
        List<GroupMessage> bobSaw = new CopyOnWriteArrayList<>();
        b.addListener(bobSaw::add);
        long epochBefore = b.epoch();
        Path identityFile = dir.resolve("alice.identity");
        Files.writeString(identityFile, HexFormat.of().formatHex(alice.export(STATE_KEY)));
        Path keyFile = dir.resolve("state.key");
        Files.writeString(keyFile, HexFormat.of().formatHex(STATE_KEY_BYTES));

        int stopAtWrite = switch (point) {
            case WHILE_WRITING_AHEAD -> 1;
            case AFTER_THE_ANSWER_BEFORE_THE_SAVE -> 2;
            default -> 0;
        };
        if (point == Point.BEFORE_THE_POST) {
            nodeProxy.inject(Fault.of("POST", FRAMES, Action.HOLD_REQUEST, 1));
        } else if (point == Point.AFTER_THE_POST_BEFORE_THE_ANSWER) {
            nodeProxy.inject(Fault.of("POST", FRAMES, Action.HOLD_RESPONSE, 1));
        }
        try (ChildJvm child = ChildJvm.start(CrashingMember.class, List.of(store.toString(),
                identityFile.toString(), group, nodeProxy.url(), transistorProxy.url(), op.name(),
                Integer.toString(stopAtWrite), keyFile.toString()), Map.of(), List.of("-Xmx512m"))) {
            child.awaitLine(line -> line.startsWith("READY"), STEP_WAIT);
            switch (point) {
                case BEFORE_THE_POST -> assertThat(nodeProxy.awaitHeld(STEP_WAIT)).as("POST held")
                        .satisfies(h -> assertThat(h.answered()).isFalse());
                case AFTER_THE_POST_BEFORE_THE_ANSWER -> assertThat(nodeProxy.awaitHeld(STEP_WAIT))
                        .as("answer held").satisfies(h -> assertThat(h.upstreamStatus()).isEqualTo(201));
                default -> child.awaitLine(line -> line.startsWith("BLOCKED at write " + stopAtWrite), STEP_WAIT);
            }
            if (point == Point.AFTER_THE_ANSWER_BEFORE_THE_SAVE) {
                assertThat(nodeProxy.exchanges("POST", FRAMES)).as("the Node answered the POST")
                        .anySatisfy(e -> assertThat(e.upstreamStatus()).isEqualTo(201));
            }
            child.kill();
            assertThat(child.output()).doesNotContain("DONE");
        }
        nodeProxy.clear();

        try (ZrtClient restarted = ServicesAccess.client().storage(new FileSessionStorage(store))
                .stateKey(STATE_KEY)
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            assertThat(restarted.storedGroups(alice)).containsExactly(group);
            GroupSession a = restarted.openSession(alice, group);
            FrameKind kind = op == Operation.KEY_UPDATE ? FrameKind.KEY_UPDATE
                    : op == Operation.PLAIN ? FrameKind.PLAIN : FrameKind.ADD_MEMBER;
            if (point.pendingAfterRestart) {
                assertThat(a.pendingOperations()).extracting(PendingOperation::kind).containsExactly(kind);
            } else {
                assertThat(a.pendingOperations()).isEmpty();
            }
            assertThat(a.epoch()).as("nothing was saved after the write-ahead").isEqualTo(epochBefore);

            a.sync(); // finds what landed, posts again what did not
            assertThat(a.pendingOperations()).isEmpty();
            boolean happened = point.pendingAfterRestart;
            switch (op) {
                case KEY_UPDATE -> assertThat(a.epoch()).isEqualTo(epochBefore + (happened ? 1 : 0));
                case PLAIN -> {
                    b.sync();
                    assertThat(b.nextSeq()).isEqualTo(a.nextSeq());
                    ServicesAccess.awaitDeliveries(b);
                    assertThat(bobSaw.stream().filter(m -> m.chats().contains(CHAT))).hasSize(happened ? 1 : 0);
                }
                case INVITE_UNIDENTIFIED -> {
                    if (!happened) {
                        assertThat(a.pendingInvites()).isEmpty();
                        break;
                    }
                    PendingInvite invite = a.pendingInvites().get(0);
                    assertThat(invite.status()).isEqualTo(PendingInvite.Status.READY);
                    InviteTicket ticket = a.ticket(invite.id());
                    Identity dave = Identity.generate();
                    others.acceptInvite(dave, "Dave", ticket, alice.publicKeyBytes());
                    a.sync();
                    assertThat(a.members()).extracting(Member::userId).contains(dave.userId()).hasSize(3);
                    assertThat(a.pendingInvites()).isEmpty();
                }
            }
            a.sendChat("back after the crash");
            List<GroupMessage> caughtUp = b.sync();
            assertThat(caughtUp).flatExtracting(GroupMessage::chats).contains("back after the crash");
            assertThat(b.epoch()).isEqualTo(a.epoch());
            assertThat(b.nextSeq()).isEqualTo(a.nextSeq());
            ServicesAccess.awaitDeliveries(b);
            long ops = bobSaw.stream().filter(m -> m.kind() == kind && kind != FrameKind.PLAIN).count();
            assertThat(ops).as("the operation landed at most once").isLessThanOrEqualTo(1);
        }
    }
}
