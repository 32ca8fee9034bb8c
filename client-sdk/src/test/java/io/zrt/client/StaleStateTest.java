package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member restores a backup older than its own later key update: instead of an error on every sync, the
 * session reports {@link GroupStatus#STALE} (with a status event) and stops; the documented way back — the owner
 * removes the old leaf and invites the user again — gives it a working session.
 */
class StaleStateTest {

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
    void aBackupOlderThanTheMembersOwnUpdateIsStaleAndTheOwnerBringsItBack() throws Exception {
        Identity alice = Identity.generate();
        Identity bob = Identity.generate();
        ZrtClient.CreatedGroup created = client.createGroup(alice, "Alice", "backups", List.of(bob.prekeyBundle()));
        GroupSession a = created.session();
        GroupSession b = client.acceptInvite(bob, "Bob", created.invitations().get(0).invite(), alice.publicKeyBytes());
        a.sync();
        byte[] backup = b.serialize(); // the application's backup, taken now
        b.keyUpdate();
        b.sendChat("after my update");
        a.sync();

        GroupSession restored = client.restore(bob, backup);
        List<GroupEvent> events = new CopyOnWriteArrayList<>();
        restored.addListener(new MessageListener() {
            @Override
            public void onMessage(GroupMessage message) {
            }

            @Override
            public void onEvent(GroupEvent event) {
                events.add(event);
            }
        });
        restored.sync(); // no exception: the status says what happened
        assertThat(restored.status()).isEqualTo(GroupStatus.STALE);
        ServicesAccess.awaitDeliveries(restored);
        assertThat(events).filteredOn(e -> e instanceof GroupEvent.StatusChanged).singleElement()
                .satisfies(e -> assertThat(((GroupEvent.StatusChanged) e).to()).isEqualTo(GroupStatus.STALE));
        assertThat(restored.sync()).isEmpty(); // a stale session neither reads on nor fails again
        assertThatThrownBy(() -> restored.sendChat("hello?")).isInstanceOf(GroupClosedException.class);
        assertThatThrownBy(restored::keyUpdate).isInstanceOf(GroupClosedException.class);

        // The way back: the owner removes the old leaf and invites the user again.
        a.remove(bob.userId());
        Invitation again = a.invite(bob.prekeyBundle());
        GroupSession back = client.acceptInvite(bob, "Bob", again.invite(), alice.publicKeyBytes());
        assertThat(back.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(back.myLeaf()).isEqualTo(again.leaf());
        back.sendChat("back again");
        assertThat(a.sync()).flatExtracting(GroupMessage::chats).containsExactly("back again");
        assertThat(back.epoch()).isEqualTo(a.epoch());
        assertThat(a.members()).extracting(Member::userId).containsExactlyInAnyOrder(alice.userId(), bob.userId());
    }
}
