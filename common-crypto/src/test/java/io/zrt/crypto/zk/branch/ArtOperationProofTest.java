package io.zrt.crypto.zk.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.LeafStatus;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoPoint;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two operations whose statement is not a plain key update: an add that extends a leaf, and finalize. */
class ArtOperationProofTest {

    private static final byte[] AD = BranchFixtures.ad(3);

    @Test
    void anAddThatExtendsALeafIsProvedOverTheMovedLeafKey() throws Exception {
        MemberView owner = BranchFixtures.group(1, 31);
        PublicTree before = owner.publicTree();
        CreatedBranch add = owner.addMember(BranchFixtures.secret(new Random(32)));
        // Leaf 1 is extended: the new member is at 3 and the owner's leaf moves to 2.
        assertThat(add.change().target()).isEqualTo(3);
        assertThat(before.contains(3)).isFalse();
        BranchStatement statement = BranchStatement.of(add.change(), before, AD);
        assertThat(statement.coPathKeys()).containsExactly(before.ownerLeafKey());
        BranchProof proof = new BranchProver(BranchFixtures.seeded(33)).prove(statement, add.witness());
        BranchVerifier.verify(statement, proof.encode());

        // The co-path after the add (leaf 2 carries the same key) is the same here, but a co-path taken from
        // the new tree's root key or any other node is not.
        BranchStatement wrong = new BranchStatement(false, AD, statement.pathKeys(),
                List.of(add.view().publicTree().rootKey()));
        assertThatThrownBy(() -> BranchVerifier.verify(wrong, proof)).isInstanceOf(VerificationException.class);
    }

    @Test
    void finalizeRemovalProvesTheContributionsOverTheCurrentCoPath() throws Exception {
        MemberView owner = BranchFixtures.group(2, 34);
        MemberView afterRemove = owner.removeMember(3, BranchFixtures.seeded(35)).view();
        PublicTree before = afterRemove.publicTree();
        assertThat(before.leafStatus(3)).isEqualTo(LeafStatus.BLANK);
        CreatedBranch finalize = afterRemove.finalizeRemoval(3, BranchFixtures.seeded(36));
        BranchStatement statement = BranchStatement.of(finalize.change(), before, AD);
        assertThat(statement.additive()).isTrue();
        // The published keys are contributions: the tree's new keys are old + contribution, not these.
        CortadoPoint newLeafKey = finalize.view().publicTree().nodeKey(3);
        assertThat(newLeafKey).isEqualTo(before.nodeKey(3).add(statement.pathKeys().get(0)));
        BranchProof proof = new BranchProver(BranchFixtures.seeded(37)).prove(statement, finalize.witness());
        BranchVerifier.verify(statement, proof.encode());

        // The same proof does not pass as a replacing update of those keys, nor for the resulting keys.
        BranchStatement asReplace = new BranchStatement(false, AD, statement.pathKeys(), statement.coPathKeys());
        assertThatThrownBy(() -> BranchVerifier.verify(asReplace, proof)).isInstanceOf(VerificationException.class);
        BranchStatement resulting = new BranchStatement(true, AD,
                List.of(newLeafKey, finalize.view().publicTree().rootKey()), statement.coPathKeys());
        assertThatThrownBy(() -> BranchVerifier.verify(resulting, proof)).isInstanceOf(VerificationException.class);
    }
}
