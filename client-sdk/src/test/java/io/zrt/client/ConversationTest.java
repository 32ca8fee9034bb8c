package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import io.zrt.client.engine.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A three-member conversation against the real node-service and transistor: an identified (X3DH) and an
 * unidentified (Transistor) invite, messages both ways, persistence and restore in the middle, a removal after
 * which the removed member reads nothing new, and a leave followed by a finalize.
 */
class ConversationTest {

    private static ZrtClient client;

    @BeforeAll
    static void start() {
        client = Services.client().keyUpdatePolicy(KeyUpdatePolicy.afterOthersSpoke()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static List<String> chats(List<GroupMessage> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.addAll(m.chats()));
        return out;
    }

    @Test
    void threeMembersInviteTalkRestoreRemoveAndLeave() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        Identity carol = Identity.generate();

        GroupSession a = client.createGroup(alice, "Alice", "book club");
        assertThat(a.isOwner()).isTrue();
        assertThat(a.epoch()).isZero();

        // Bob: identified invite (X3DH with his published prekey bundle).
        PrekeyBundle bobBundle = PrekeyBundle.decode(bob.prekeyBundle().encode());
        Invitation bobInvite = a.invite(bobBundle);
        GroupSession b = client.acceptInvite(bob, "Bob", bobInvite.invite(), alice.publicKeyBytes());
        assertThat(b.groupId()).isEqualTo(a.groupId());
        assertThat(b.myLeaf()).isEqualTo(bobInvite.leaf());

        // Carol: unidentified invite through a read-once Transistor transfer; the ticket travels out of band.
        InviteTicket ticket = InviteTicket.decode(a.inviteUnidentified().encode());
        GroupSession c = client.acceptInvite(carol, "Carol", ticket, alice.publicKeyBytes());
        assertThatThrownBy(() -> client.acceptInvite(Identity.generate(), "Mallory", ticket, alice.publicKeyBytes()))
                .isInstanceOfSatisfying(NodeRejectedException.class, e -> assertThat(e.status()).isEqualTo(404));

        List<GroupMessage> aliceSeen = new CopyOnWriteArrayList<>();
        a.addListener(aliceSeen::add);
        a.sync();
        b.sync();
        assertThat(a.epoch()).isEqualTo(b.epoch()).isEqualTo(c.epoch());
        assertThat(a.members()).extracting(Member::userId)
                .containsExactlyInAnyOrder(alice.userId(), bob.userId(), carol.userId());
        assertThat(b.members()).filteredOn(m -> m.userId().equals(carol.userId())).singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo("Carol"));

        a.sendChat("welcome both");
        b.sync();
        b.sendChat("thanks alice"); // Bob heard Alice: his policy updates his key first
        c.sendChat("hi all");
        assertThat(chats(a.sync())).containsExactly("thanks alice", "hi all");
        assertThat(chats(b.sync())).containsExactly("hi all");
        a.runner().awaitDeliveries();
        assertThat(aliceSeen).anySatisfy(m -> assertThat(m.kind()).isEqualTo(FrameKind.KEY_UPDATE));
        assertThat(aliceSeen).filteredOn(m -> !m.chats().isEmpty() && !m.fromMe()).extracting(GroupMessage::senderUserId)
                .containsExactly(bob.userId(), carol.userId());

        // Persistence: Bob's state goes to bytes and comes back as a new session that continues the conversation.
        byte[] saved = b.serialize();
        GroupSession restored = client.restore(bob, saved);
        assertThat(restored.nextSeq()).isEqualTo(b.nextSeq());
        assertThatThrownBy(() -> client.restore(carol, saved)).isInstanceOf(StateFormatException.class);
        a.sendChat("are you still there, bob?");
        assertThat(chats(restored.sync())).containsExactly("are you still there, bob?");
        restored.sendChat("yes, restored");
        assertThat(chats(a.sync())).containsExactly("yes, restored");
        b = restored;

        // Removal: Carol is removed; she learns it and can no longer read or send.
        SessionState carolBefore = c.runner().state(); // immutable: her state before the removal
        a.remove(carol.userId());
        a.sendChat("only for alice and bob");
        c.sync();
        assertThat(c.status()).isEqualTo(GroupStatus.REMOVED);
        assertThatThrownBy(() -> c.sendChat("let me in")).isInstanceOf(GroupClosedException.class);
        assertThat(chats(b.sync())).containsExactly("only for alice and bob");
        assertThat(b.members()).extracting(Member::userId).doesNotContain(carol.userId());
        assertThat(RemovedMemberProbe.canDecryptLatest(client, a, carolBefore)).isFalse();

        // Leave: Bob leaves; Alice's sync finalizes his leaf by itself, after which Bob's session is closed too
        // and he cannot read what Alice says next.
        long bobLeaf = b.myLeaf();
        b.leave();
        assertThat(b.status()).isEqualTo(GroupStatus.LEFT);
        SessionState bobLeft = b.runner().state();
        a.sync();
        assertThat(a.members()).extracting(Member::leaf).doesNotContain(bobLeaf);
        long after = a.sendChat("after bob left");
        assertThat(io.zrt.client.engine.TestAccess.anyFrameOpensUnder(a.runner(), after, bobLeft.stageKey()))
                .as("the leaver's keys open nothing sent after the owner synced").isFalse();
        b.sync();
        assertThat(b.status()).isEqualTo(GroupStatus.REMOVED);
        assertThat(a.members()).extracting(Member::userId).containsExactly(alice.userId());
        a.sendChat("alone now");
        assertThat(a.status()).isEqualTo(GroupStatus.ACTIVE);
    }

    @Test
    void invitesAreBoundToTheExpectedInviterAndInvitee() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        GroupSession a = client.createGroup(alice, "Alice", "pinned");
        Invitation invite = a.invite(bob.prekeyBundle());
        byte[] someoneElse = Identity.generate().publicKeyBytes();
        assertThatThrownBy(() -> client.acceptInvite(bob, "Bob", invite.invite(), someoneElse))
                .isInstanceOfSatisfying(VerificationFailedException.class,
                        e -> assertThat(e.check()).isEqualTo(VerificationFailedException.Check.INVITE));
        assertThatThrownBy(() -> client.acceptInvite(Identity.generate(), "Eve", invite.invite(),
                alice.publicKeyBytes())).isInstanceOf(VerificationFailedException.class);
        GroupSession b = client.acceptInvite(bob, "Bob", invite.invite(), alice.publicKeyBytes());
        assertThat(b.status()).isEqualTo(GroupStatus.ACTIVE);
    }

    @Test
    void initialMembersJoinFromTheInitFrame() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        Identity dave = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "founders",
                List.of(bob.prekeyBundle(), dave.prekeyBundle()));
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(),
                alice.publicKeyBytes());
        GroupSession d = client.acceptInvite(dave, "Dave", created.invitations().get(1).invite(),
                alice.publicKeyBytes());
        GroupSession a = created.session();
        b.sendChat("bob here");
        assertThat(chats(a.sync())).containsExactly("bob here");
        assertThat(chats(d.sync())).containsExactly("bob here");
        assertThat(a.epoch()).isEqualTo(d.epoch()).isEqualTo(b.epoch());
    }
}
