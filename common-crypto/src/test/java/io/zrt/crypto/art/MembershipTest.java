package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.Scalar;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Removal, leaving, finalization and joining: who can and cannot derive which tree key. */
class MembershipTest {

    private final SecureRandom random = new SecureRandom();

    private GroupSimulation groupOf(int size) throws ArtException {
        GroupSimulation group = new GroupSimulation(PathMath.freshSecret(random));
        for (int i = 1; i < size; i++) {
            group.add(PathMath.freshSecret(random));
        }
        return group;
    }

    @Test
    void removedMemberDerivesNoLaterTreeKey() throws Exception {
        GroupSimulation group = groupOf(6);
        int victimId = 3;
        MemberView victim = group.view(victimId);
        Scalar keyBefore = victim.treeKey();

        CreatedBranch removal = group.view(group.ownerId()).removeMember(victim.leafIndex(), random);
        assertThatThrownBy(() -> victim.apply(removal.change())).isInstanceOf(NotAMemberException.class);
        group.publish(group.ownerId(), removal);
        group.assertConsistent();
        assertThat(group.members()).doesNotContainKey(victimId);
        assertThat(group.observer().leafStatus(victim.leafIndex())).isEqualTo(LeafStatus.BLANK);
        assertThat(group.view(group.ownerId()).treeKey()).isNotEqualTo(keyBefore);
        // Its old leaf secret no longer opens the tree: the leaf is blank and has a key the owner chose.
        assertThat(Cortado.multiplyGenerator(victim.leafSecret()))
                .isNotEqualTo(group.observer().leafKey(victim.leafIndex()));
        assertThatThrownBy(() -> MemberView.join(group.observer(), victim.leafIndex(), victim.leafSecret()))
                .isInstanceOf(WrongLeafStatusException.class);
        assertThatThrownBy(() -> MemberView.join(group.observer(), victim.leafSecret()))
                .isInstanceOf(LeafKeyMismatchException.class);

        // Later operations: the stale view never arrives at a later tree key.
        for (int i = 0; i < 3; i++) {
            int updater = group.members().keySet().stream().filter(id -> id != group.ownerId()).findFirst()
                    .orElseThrow();
            BranchChange change = group.publish(updater, group.view(updater).keyUpdate(random));
            assertThatThrownBy(() -> victim.apply(change)).isInstanceOf(ArtException.class);
            assertThat(victim.treeKey()).isNotEqualTo(group.view(group.ownerId()).treeKey());
            group.assertConsistent();
        }
    }

    @Test
    void afterFinalizeRemovalNobodyKnowsTheBlankLeafSecret() throws Exception {
        GroupSimulation group = groupOf(5);
        long target = group.view(2).leafIndex();
        CreatedBranch removal = group.view(group.ownerId()).removeMember(target, random);
        group.publish(group.ownerId(), removal);
        // The remover chose the blank leaf's secret, so right now it still matches the leaf key.
        Scalar removersCandidate = removal.witness().pathSecrets().get(0);
        assertThat(Cortado.multiplyGenerator(removersCandidate)).isEqualTo(group.observer().leafKey(target));

        int finalizer = 4;
        Scalar treeKeyBefore = group.view(group.ownerId()).treeKey();
        CreatedBranch finalize = group.view(finalizer).finalizeRemoval(target, random);
        assertThat(finalize.change().type().isAdditive()).isTrue();
        group.publish(finalizer, finalize);
        group.assertConsistent();

        assertThat(group.observer().leafStatus(target)).isEqualTo(LeafStatus.BLANK);
        assertThat(Cortado.multiplyGenerator(removersCandidate)).isNotEqualTo(group.observer().leafKey(target));
        Scalar contribution = finalize.witness().pathSecrets().get(0);
        assertThat(Cortado.multiplyGenerator(contribution)).isNotEqualTo(group.observer().leafKey(target));
        assertThat(group.view(group.ownerId()).treeKey()).isNotEqualTo(treeKeyBefore);
        // Additive: every new path key is the old one plus the published contribution.
        assertThat(group.observer().leafKey(target))
                .isEqualTo(Cortado.multiplyGenerator(removersCandidate).add(finalize.change().publishedLeafKey()));
    }

    @Test
    void leaverKeepsDerivingUntilFinalizedThenIsOut() throws Exception {
        GroupSimulation group = groupOf(7);
        int leaverId = 5;
        group.publish(leaverId, group.view(leaverId).leave(random));
        MemberView leaver = group.view(leaverId);
        assertThat(group.observer().leafStatus(leaver.leafIndex())).isEqualTo(LeafStatus.PENDING_REMOVAL);
        assertThat(group.observer().activeMemberCount()).isEqualTo(6);
        assertThatThrownBy(() -> leaver.keyUpdate(random)).isInstanceOf(WrongLeafStatusException.class);
        group.publish(1, group.view(1).keyUpdate(random));
        group.assertConsistent(); // the leaver is still in the group until finalization

        MemberView before = group.view(leaverId);
        CreatedBranch finalize = group.view(2).finalizeRemoval(before.leafIndex(), random);
        assertThatThrownBy(() -> before.apply(finalize.change())).isInstanceOf(NotAMemberException.class);
        group.publish(2, finalize);
        group.assertConsistent();
        assertThat(group.members()).doesNotContainKey(leaverId);
        assertThat(Cortado.multiplyGenerator(before.leafSecret()))
                .isNotEqualTo(group.observer().leafKey(before.leafIndex()));
        assertThat(before.treeKey()).isNotEqualTo(group.view(group.ownerId()).treeKey());

        // The blank slot is reused by the next add.
        assertThat(group.observer().placementTarget()).isEqualTo(before.leafIndex());
        group.add(PathMath.freshSecret(random));
        group.assertConsistent();
    }

    @Test
    void inviteeWithOnlyItsLeafSecretAndTheEncodedTreeDerivesTheTreeKey() throws Exception {
        GroupSimulation group = groupOf(9);
        Scalar inviteeSecret = PathMath.freshSecret(random);
        CreatedBranch add = group.view(group.ownerId()).addMember(inviteeSecret);
        group.publish(group.ownerId(), add);

        PublicTree fromTheWire = PublicTree.decode(group.observer().encode());
        MemberView invitee = MemberView.join(fromTheWire, inviteeSecret);
        assertThat(invitee.leafIndex()).isEqualTo(add.change().target());
        assertThat(invitee.treeKey()).isEqualTo(group.view(group.ownerId()).treeKey());
        assertThat(invitee.isOwner()).isFalse();
        assertThat(group.view(group.ownerId()).isOwner()).isTrue();

        Scalar stranger = PathMath.freshSecret(random);
        assertThatThrownBy(() -> MemberView.join(fromTheWire, stranger)).isInstanceOf(LeafKeyMismatchException.class);
        assertThatThrownBy(() -> MemberView.join(fromTheWire, add.change().target(), stranger))
                .isInstanceOf(LeafKeyMismatchException.class);
    }

    @Test
    void onlyTheOwnerAddsAndRemovesAndTheOwnerLeafCannotBeRemoved() throws Exception {
        GroupSimulation group = groupOf(4);
        MemberView member = group.view(2);
        MemberView owner = group.view(group.ownerId());
        assertThatThrownBy(() -> member.addMember(PathMath.freshSecret(random)))
                .isInstanceOf(NotOwnerException.class);
        assertThatThrownBy(() -> member.removeMember(group.view(3).leafIndex(), random))
                .isInstanceOf(NotOwnerException.class);
        assertThatThrownBy(() -> owner.removeMember(owner.leafIndex(), random))
                .isInstanceOf(OwnerLeafException.class);
        assertThatThrownBy(() -> owner.leave(random)).isInstanceOf(OwnerLeafException.class);
        assertThatThrownBy(() -> member.finalizeRemoval(group.view(3).leafIndex(), random))
                .isInstanceOf(WrongLeafStatusException.class);
    }

    @Test
    void witnessExposesTheRatchetForTheProverButToStringHidesIt() throws Exception {
        GroupSimulation group = groupOf(5);
        MemberView member = group.view(3);
        CreatedBranch update = member.keyUpdate(random);
        BranchWitness witness = update.witness();
        assertThat(witness.depth()).isEqualTo(HeapIndex.depth(member.leafIndex()));
        assertThat(witness.coPathKeys()).isEqualTo(group.observer().coPathKeys(member.leafIndex()));
        for (int j = 0; j <= witness.depth(); j++) {
            Scalar secret = witness.pathSecrets().get(j);
            assertThat(secret.toBigInteger()).isLessThan(PathMath.SECRET_BOUND).isPositive();
            assertThat(Cortado.multiplyGenerator(secret)).isEqualTo(update.change().pathKeys().get(j));
            if (j < witness.depth()) {
                assertThat(witness.coPathKeys().get(j).multiply(secret).iota())
                        .isEqualTo(witness.pathSecrets().get(j + 1));
            }
        }
        String shown = witness + " " + update + " " + update.view();
        for (Scalar secret : witness.pathSecrets()) {
            assertThat(shown).doesNotContain(secret.toBigInteger().toString())
                    .doesNotContain(io.zrt.crypto.Hex.encode(secret.toBytes()));
        }
    }
}
