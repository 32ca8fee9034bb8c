package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.client.NotPermittedException.Rule;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One outcome per situation (issue 21), against the real node-service: actions a member may not take are refused
 * before anything is built or sent, with the rule they break; a dropped group or a removal reads the same whether
 * or not the member synced first; the key-update policy is judged after a catch-up.
 */
class SemanticsTest {

    private static ZrtClient client;

    @BeforeAll
    static void start() {
        client = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private record Pair(GroupSession owner, GroupSession member, Identity ownerId, Identity memberId) {
    }

    private static Pair pair(String name) throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", name, List.of(bob.prekeyBundle()));
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                alice.publicKeyBytes());
        created.session().sync();
        return new Pair(created.session(), b, alice, bob);
    }

    private static void refused(ThrowingCallable call, Rule rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotPermittedException.class,
                e -> assertThat(e.rule()).isEqualTo(rule));
    }


    @Test
    void actionsAMemberMayNotTakeAreRefusedBeforeAnythingIsSent() throws Exception {
        Pair p = pair("permissions");
        GroupSession a = p.owner();
        GroupSession b = p.member();
        long seqBefore = a.nextSeq();
        refused(() -> b.invite(Identity.generate().prekeyBundle()), Rule.OWNER_ONLY);
        refused(b::inviteUnidentified, Rule.OWNER_ONLY);
        refused(() -> b.remove(p.ownerId().userId()), Rule.OWNER_ONLY);
        refused(() -> b.removeLeaf(b.myLeaf()), Rule.OWNER_ONLY);
        refused(() -> b.renameGroup("mine now"), Rule.OWNER_ONLY);
        refused(b::drop, Rule.OWNER_ONLY);
        refused(() -> a.removeLeaf(a.myLeaf()), Rule.NOT_ON_ONESELF);
        refused(a::leave, Rule.NOT_ON_ONESELF);
        refused(() -> a.remove(Identity.generate().userId()), Rule.NO_SUCH_MEMBER);
        refused(() -> a.finalizeRemoval(b.myLeaf()), Rule.NO_SUCH_LEAF); // Bob is ACTIVE
        refused(() -> a.removeLeaf(1_000_001), Rule.NO_SUCH_LEAF);
        assertThat(a.pendingOperations()).isEmpty();
        assertThat(b.pendingOperations()).isEmpty();
        a.sync();
        assertThat(a.nextSeq()).as("nothing reached the Node").isEqualTo(seqBefore);
        b.sendChat("still fine"); // and the member can do what it may
    }

    @Test
    void aDroppedGroupIsClosedWhetherOrNotTheMemberSyncedFirst() throws Exception {
        Pair p = pair("dropped");
        p.owner().drop();
        GroupSession unsynced = p.member();
        assertThat(unsynced.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThatThrownBy(() -> unsynced.sendChat("anyone?")).isInstanceOf(GroupClosedException.class);
        assertThat(unsynced.status()).isEqualTo(GroupStatus.DROPPED);
        assertThat(unsynced.pendingOperations()).isEmpty();

        Pair q = pair("dropped, synced");
        q.owner().drop();
        q.member().sync();
        assertThat(q.member().status()).isEqualTo(GroupStatus.DROPPED);
        assertThatThrownBy(() -> q.member().sendChat("anyone?")).isInstanceOf(GroupClosedException.class);
        assertThatThrownBy(() -> q.member().keyUpdate()).isInstanceOf(GroupClosedException.class);
        assertThatThrownBy(() -> unsynced.keyUpdate()).isInstanceOf(GroupClosedException.class);
    }

    @Test
    void aRemovedMemberIsClosedWhetherOrNotItSyncedFirst() throws Exception {
        Pair p = pair("removed");
        p.owner().remove(p.memberId().userId());
        assertThatThrownBy(() -> p.member().sendChat("still here?")).isInstanceOf(GroupClosedException.class);
        assertThat(p.member().status()).isEqualTo(GroupStatus.REMOVED);

        Pair q = pair("removed, key update");
        q.owner().remove(q.memberId().userId());
        assertThatThrownBy(() -> q.member().keyUpdate()).isInstanceOf(GroupClosedException.class);
        assertThat(q.member().status()).isEqualTo(GroupStatus.REMOVED);
    }

    @Test
    void aPlainFrameFromAMemberWhoLeftIsSkippedByEveryoneInsteadOfStallingTheGroup() throws Exception {
        Pair p = pair("no stall");
        GroupSession a = p.owner();
        GroupSession b = p.member();
        b.leave();
        // the leaver still knows the tree key of its leave epoch and posts a plain frame the Node accepts
        io.zrt.client.engine.SessionState left = b.runner().state();
        byte[] frame = b.runner().operations().plain(left, List.of(io.zrt.protocol.Payload.newBuilder()
                .setChat(io.zrt.protocol.ChatMessage.newBuilder().setText("still here")).build()), 0).frame();
        long seq = b.runner().node().postFrame(left.groupId(), frame).seq();
        List<GroupEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.addListener(new MessageListener() {
            @Override
            public void onMessage(GroupMessage message) {
            }

            @Override
            public void onEvent(GroupEvent event) {
                events.add(event);
            }
        });
        List<GroupMessage> read = a.sync();
        assertThat(read).extracting(GroupMessage::seq).doesNotContain(seq);
        assertThat(a.nextSeq()).isGreaterThan(seq);
        a.runner().awaitDeliveries();
        assertThat(events).filteredOn(e -> e instanceof GroupEvent.FrameRefused).singleElement()
                .satisfies(e -> assertThat(e.seq()).isEqualTo(seq));
        a.sendChat("the group goes on");
        assertThat(a.status()).isEqualTo(GroupStatus.ACTIVE);
    }

    @Test
    void theKeyUpdatePolicyIsJudgedAfterACatchUpWhetherOrNotTheApplicationSynced() throws Exception {
        List<String> withoutSync = alternate(false);
        List<String> withSync = alternate(true);
        assertThat(withoutSync).isEqualTo(withSync);
        // every reply after the other spoke is preceded by the replier's own key update
        assertThat(withoutSync.subList(withoutSync.indexOf("A:PLAIN") + 1, withoutSync.size()))
                .containsExactly("B:KEY_UPDATE", "B:PLAIN", "A:KEY_UPDATE", "A:PLAIN", "B:KEY_UPDATE", "B:PLAIN");
    }

    /** Alice and Bob alternate four messages under afterOthersSpoke; the log from there on as "sender:kind". */
    private static List<String> alternate(boolean syncBeforeSending) throws Exception {
        Pair p = pair("alternate " + syncBeforeSending);
        GroupSession a = p.owner();
        GroupSession b = p.member();
        b.sync();
        a.sync(); // Bob's join announcement is in
        a.keyUpdatePolicy(KeyUpdatePolicy.afterOthersSpoke());
        b.keyUpdatePolicy(KeyUpdatePolicy.afterOthersSpoke());
        List<GroupMessage> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        a.addListener(seen::add); // every frame once, in log order, own sends included
        GroupSession[] order = {a, b, a, b};
        for (int i = 0; i < order.length; i++) {
            if (syncBeforeSending) {
                order[i].sync();
            }
            order[i].sendChat("message " + i);
        }
        a.sync();
        a.runner().awaitDeliveries();
        List<String> log = new ArrayList<>();
        for (GroupMessage m : seen) {
            log.add((m.senderUserId().equals(p.ownerId().userId()) ? "A:" : "B:") + m.kind());
        }
        return log;
    }
}
