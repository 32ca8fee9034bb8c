package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.client.storage.InMemorySessionStorage;
import io.zrt.client.storage.RecordKind;
import io.zrt.client.storage.StorageKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invites that cannot be burned (issue 21), against the real node-service and Transistor: a redemption that fails
 * on the invitee's side keeps what it took from the read-once transfer, so the right ticket or pinned key still
 * joins; tickets name their leaf; the owner revokes invites of both kinds.
 */
class InviteRedemptionTest {

    private static ZrtClient owner;

    @BeforeAll
    static void start() {
        owner = Services.client().keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @AfterAll
    static void stop() {
        owner.close();
    }

    private static ZrtClient invitee(InMemorySessionStorage storage) {
        return Services.client().storage(storage).stateKey(StateKey.generate("invitee", new SecureRandom()))
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).build();
    }

    @Test
    void aTamperedKeyOrTheWrongPinnedKeyDoesNotBurnTheTicket() throws Exception {
        Identity alice = Identity.generate();
        Identity carol = Identity.generate();
        GroupSession a = owner.createGroup(alice, "Alice", "tickets");
        InviteTicket ticket = a.inviteUnidentified();
        assertThat(a.pendingInvites()).singleElement().satisfies(p -> assertThat(p.leaf()).isEqualTo(ticket.leaf()));
        byte[] tamperedKey = ticket.key();
        tamperedKey[0] ^= 1;
        InviteTicket tampered = new InviteTicket(ticket.transferId(), ticket.leaf(), tamperedKey);
        InviteTicket otherLeaf = new InviteTicket(ticket.transferId(), ticket.leaf() + 1, ticket.key());
        byte[] someoneElse = Identity.generate().publicKeyBytes();

        InMemorySessionStorage storage = new InMemorySessionStorage();
        try (ZrtClient c = invitee(storage)) {
            assertThatThrownBy(() -> c.acceptInvite(carol, "Carol", tampered, alice.publicKeyBytes()))
                    .isInstanceOf(DecryptionFailedException.class);
            // the read-once transfer is gone from Transistor now: anyone else gets 404 ...
            try (ZrtClient stranger = invitee(new InMemorySessionStorage())) {
                assertThatThrownBy(() -> stranger.acceptInvite(Identity.generate(), "Mallory", ticket,
                        alice.publicKeyBytes())).isInstanceOfSatisfying(NodeRejectedException.class,
                                e -> assertThat(e.status()).isEqualTo(404));
            }
            // ... but Carol kept it (sealed), so her mistakes cost nothing
            StorageKey kept = new StorageKey(carol.userId(), ticket.transferId().toString(), RecordKind.TICKET);
            assertThat(storage.read(kept)).isNotNull();
            assertThatThrownBy(() -> c.acceptInvite(carol, "Carol", ticket, someoneElse))
                    .isInstanceOfSatisfying(VerificationFailedException.class,
                            e -> assertThat(e.check()).isEqualTo(VerificationFailedException.Check.INVITE));
            assertThatThrownBy(() -> c.acceptInvite(carol, "Carol", otherLeaf, alice.publicKeyBytes()))
                    .isInstanceOfSatisfying(VerificationFailedException.class,
                            e -> assertThat(e.getMessage()).contains("leaf"));
            assertThat(c.storedGroups(carol)).as("no session from failed redemptions").isEmpty();

            GroupSession joined = c.acceptInvite(carol, "Carol", ticket, alice.publicKeyBytes());
            assertThat(joined.status()).isEqualTo(GroupStatus.ACTIVE);
            assertThat(joined.myLeaf()).isEqualTo(ticket.leaf());
            assertThat(storage.read(kept)).as("dropped once the join landed").isNull();
            assertThat(c.storedGroups(carol)).containsExactly(a.groupId());
        }
        a.sync();
        assertThat(a.pendingInvites()).isEmpty();
        assertThat(a.members()).extracting(Member::userId).contains(carol.userId());
    }

    @Test
    void theOwnerRevokesInvitesOfBothKinds() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        GroupSession a = owner.createGroup(alice, "Alice", "revocations");
        InviteTicket ticket = a.inviteUnidentified();
        Invitation invitation = a.invite(bob.prekeyBundle());
        assertThat(a.pendingInvites()).hasSize(2);
        assertThatThrownBy(() -> a.remove(""))
                .isInstanceOfSatisfying(NotPermittedException.class,
                        e -> assertThat(e.getMessage()).contains("revokeInvite"));

        a.revokeInvite(ticket);
        a.revokeInvite(invitation.inviteId());
        assertThat(a.pendingInvites()).isEmpty();
        assertThat(a.members()).extracting(Member::userId).containsExactly(alice.userId());
        assertThatThrownBy(() -> a.revokeInvite(invitation.inviteId())).isInstanceOf(IllegalArgumentException.class);

        try (ZrtClient c = invitee(new InMemorySessionStorage())) {
            assertThatThrownBy(() -> c.acceptInvite(Identity.generate(), "Carol", ticket, alice.publicKeyBytes()))
                    .as("the revoked ticket's transfer was taken").isInstanceOfSatisfying(
                            NodeRejectedException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
        // the revoked identified invite no longer gives a member: its leaf was removed and finalized
        GroupSession b = null;
        try {
            b = owner.acceptInvite(bob, "Bob", invitation.invite(), alice.publicKeyBytes());
        } catch (ZrtException refused) {
            // refused outright is as good as joining as a removed member
        }
        if (b != null) {
            assertThat(b.status()).isNotEqualTo(GroupStatus.ACTIVE);
        }
        a.sendChat("still mine");
        List<String> members = a.members().stream().map(Member::userId).toList();
        assertThat(members).containsExactly(alice.userId());
    }
}
