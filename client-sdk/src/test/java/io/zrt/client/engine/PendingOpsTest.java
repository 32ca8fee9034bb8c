package io.zrt.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.client.FrameKind;
import io.zrt.client.GroupEvent;
import io.zrt.client.GroupStatus;
import io.zrt.client.PendingInvite;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.x3dh.LeafSecrets;
import io.zrt.protocol.ChatMessage;
import io.zrt.protocol.Payload;
import io.zrt.protocol.Role;
import io.zrt.protocol.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The engine's part of write-ahead: a frame with exactly the bytes of a pending operation completes it as the
 * member's own (also after the state went through storage, where only the path secrets are kept); a pending
 * operation that can no longer land is discarded; an operation on the member's own leaf that it did not make from
 * this state makes the session STALE; invite records follow their leaf and end with the invitee's join.
 */
class PendingOpsTest {

    private final OfflineGroup g = new OfflineGroup();

    PendingOpsTest() throws Exception {
    }

    private static List<Payload> chat(String text) {
        return List.of(Payload.newBuilder().setChat(ChatMessage.newBuilder().setText(text)).build());
    }

    @Test
    void ownPendingKeyUpdateCompletesAsOwnEvenAfterGoingThroughStorage() throws Exception {
        Operations.Built built = g.bobOps.keyUpdate(g.bobState, null, 5);
        SessionState queued = g.bobState.withPending(built.pending());
        // what a restart sees: the pending operation without its cached view
        SessionState restarted = StateCodec.decode(StateCodec.encode(queued));
        assertThat(restarted.pending()).singleElement().satisfies(p -> {
            assertThat(p.viewAfter()).isNull();
            assertThat(p.id()).isEqualTo(built.pending().id());
        });
        for (SessionState s : List.of(queued, restarted)) {
            FrameProcessor.Processed processed = FrameProcessor.process(s, 1, built.frame(), 9);
            assertThat(processed.landed()).isEqualTo(built.pending());
            assertThat(processed.state().pending()).isEmpty();
            assertThat(processed.state().epoch()).isEqualTo(g.bobState.epoch() + 1);
            assertThat(processed.state().view().treeKey()).isEqualTo(built.pending().viewAfter().treeKey());
            assertThat(processed.events()).containsExactly(new GroupEvent.OperationLanded(
                    g.bobState.groupId().text(), 1, built.pending().id(), FrameKind.KEY_UPDATE));
        }
        // Without the pending operation the same frame is a stranger's update of Bob's own leaf: STALE.
        FrameProcessor.Processed stale = FrameProcessor.process(g.bobState, 1, built.frame(), 9);
        assertThat(stale.state().status()).isEqualTo(GroupStatus.STALE);
        assertThat(stale.state().nextSeq()).isEqualTo(2);
        assertThat(stale.events()).containsExactly(new GroupEvent.StatusChanged(g.bobState.groupId().text(), 1,
                GroupStatus.ACTIVE, GroupStatus.STALE));
    }

    @Test
    void pendingOperationsThatCanNoLongerLandAreDiscardedAndPlainFramesOfOthersKeepThem() throws Exception {
        Operations.Built myUpdate = g.bobOps.keyUpdate(g.bobState, null, 5);
        Operations.Built myChat = g.bobOps.plain(g.bobState, chat("mine"), 5);
        SessionState queued = g.bobState.withPending(myUpdate.pending()).withPending(myChat.pending());

        // Alice's chat in the same epoch: both of Bob's frames can still land.
        byte[] aliceChat = g.aliceOps.plain(g.aliceState, chat("hi"), 6).frame();
        FrameProcessor.Processed afterChat = FrameProcessor.process(queued, 1, aliceChat, 9);
        assertThat(afterChat.state().pending()).hasSize(2);
        assertThat(afterChat.events()).isEmpty();

        // Alice's key update takes the next epoch: Bob's update (for that epoch) and his chat (for this one) die.
        byte[] aliceUpdate = g.aliceOps.keyUpdate(g.aliceState, null, 7).frame();
        FrameProcessor.Processed afterUpdate = FrameProcessor.process(afterChat.state(), 2, aliceUpdate, 9);
        assertThat(afterUpdate.state().pending()).isEmpty();
        assertThat(afterUpdate.events()).extracting(e -> ((GroupEvent.OperationDiscarded) e).operationId())
                .containsExactly(myUpdate.pending().id(), myChat.pending().id());
        assertThat(afterUpdate.landed()).isNull();
    }

    @Test
    void inviteRecordsArriveWithTheOwnAddFollowTheirLeafAndEndWithTheJoin() throws Exception {
        InviteRecord draft = InviteRecord.draft(Creation.newInviteId(g.random), PendingInvite.Kind.UNIDENTIFIED, "",
                LeafSecrets.random(g.random), new byte[0], new byte[0], new byte[0], UUID.randomUUID(),
                SecretBytes.copyOf(new byte[32]));
        SessionState alice = g.aliceState;
        Operations.Built add = g.aliceOps.add(alice, draft.leafSecret(), User.newBuilder().setRole(Role.ROLE_WRITE)
                .build(), draft, 3);
        SessionState queued = alice.withPending(add.pending());
        int bobsInvite = alice.invites().size(); // Bob, an initial member, has not joined in this offline group
        assertThat(queued.invites()).hasSize(bobsInvite);
        FrameProcessor.Processed landed = FrameProcessor.process(queued, 1, add.frame(), 4);
        assertThat(landed.state().invites()).hasSize(bobsInvite + 1).filteredOn(r -> r.id().equals(draft.id()))
                .singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(draft.id());
            assertThat(r.leaf()).isEqualTo(add.target());
            assertThat(r.epoch()).isEqualTo(add.epoch());
            assertThat(r.stageKey().equalsSecret(add.newStageKey())).isTrue();
        });
        // A second add that extends the invitee's leaf moves the record one level down.
        SessionState s = landed.state();
        InviteRecord mine = s.invites().stream().filter(r -> r.id().equals(draft.id())).findFirst().orElseThrow();
        long before = mine.leaf();
        Operations.Built second = g.aliceOps.add(s, LeafSecrets.random(g.random), User.newBuilder()
                .setRole(Role.ROLE_WRITE).build(), null, 5);
        s = FrameProcessor.process(s.withPending(second.pending()), 2, second.frame(), 6).state();
        long after = s.invites().stream().filter(r -> r.id().equals(draft.id())).findFirst().orElseThrow().leaf();
        assertThat(after).isEqualTo(second.target() == 2 * before + 1 ? 2 * before : before);
        // Bob's join (his own key update) ends his record
        SessionState bob = g.bobState;
        byte[] bobJoin = g.bobOps.keyUpdate(bob, null, 7).frame();
        SessionState withBobsUpdate = FrameProcessor.process(alice, 1, bobJoin, 8).state();
        assertThat(withBobsUpdate.invites()).hasSize(bobsInvite - 1);
        // the record survives storage
        assertThat(StateCodec.decode(StateCodec.encode(s)).invites()).isEqualTo(s.invites());
    }
}
