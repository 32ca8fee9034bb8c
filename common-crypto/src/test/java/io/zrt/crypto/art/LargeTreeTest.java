package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-member public tree built from public keys only (nobody knows most secrets), with two members
 * whose paths are made consistent by publishing their own key updates; then updates flow through it.
 */
class LargeTreeTest {

    private static final int MEMBERS = 100_000;

    @Test
    void updatesOnAHundredThousandMemberTree() throws Exception {
        SecureRandom random = RandomOperationsTest.seededSecureRandom(31);
        PublicTree tree = syntheticTree(MEMBERS);
        assertThat(tree.activeMemberCount()).isEqualTo(MEMBERS);
        assertThat(tree.leafCount()).isEqualTo(MEMBERS);
        assertThat(tree.height()).isEqualTo(17);

        List<Long> leaves = tree.leafIndices();
        long alice = leaves.get(MEMBERS / 3);
        long bob = leaves.get(MEMBERS - 7);
        Scalar aliceSecret = PathMath.freshSecret(random);
        Scalar bobSecret = PathMath.freshSecret(random);
        tree = tree.apply(selfUpdate(tree, alice, aliceSecret));
        tree = tree.apply(selfUpdate(tree, bob, bobSecret));
        MemberView aliceView = MemberView.join(tree, alice, aliceSecret);
        MemberView bobView = MemberView.join(tree, bob, bobSecret);
        assertThat(aliceView.treeKey()).isEqualTo(bobView.treeKey());

        PublicTree observer = tree;
        for (int round = 0; round < 3; round++) {
            byte[] before = observer.encode();
            CreatedBranch update = aliceView.keyUpdate(random);
            PublicTree next = observer.apply(update.change());
            // The old tree is untouched; the new one differs exactly in the d + 1 entries of the path.
            assertThat(observer.encode()).isEqualTo(before);
            assertThat(changedEntries(before, next.encode())).isEqualTo(HeapIndex.depth(alice) + 1);
            observer = next;
            aliceView = update.view();
            bobView = bobView.apply(update.change());
            assertThat(bobView.treeKey()).isEqualTo(aliceView.treeKey());
            assertThat(Cortado.multiplyGenerator(bobView.treeKey())).isEqualTo(observer.rootKey());

            CreatedBranch bobs = bobView.keyUpdate(random);
            observer = observer.apply(bobs.change());
            bobView = bobs.view();
            aliceView = aliceView.apply(bobs.change());
            assertThat(aliceView.treeKey()).isEqualTo(bobView.treeKey());
        }
        assertThat(aliceView.publicTree()).isEqualTo(observer);

        // Alice leaves, Bob finalizes: Alice is out, the group goes on.
        CreatedBranch leave = aliceView.leave(random);
        observer = observer.apply(leave.change());
        bobView = bobView.apply(leave.change());
        CreatedBranch finalize = bobView.finalizeRemoval(alice, random);
        observer = observer.apply(finalize.change());
        MemberView leaver = leave.view();
        assertThatThrownBy(() -> leaver.apply(finalize.change())).isInstanceOf(NotAMemberException.class);
        assertThat(Cortado.multiplyGenerator(finalize.view().treeKey())).isEqualTo(observer.rootKey());
        assertThat(observer.activeMemberCount()).isEqualTo(MEMBERS - 1);
        assertThat(observer.placementTarget()).isEqualTo(alice);
        assertThat(observer.encode()).hasSize(1 + 33 * (2 * MEMBERS - 1));
    }

    /** A key update of a leaf over the tree's current co-path, as the leaf's holder would publish it. */
    private static BranchChange selfUpdate(PublicTree tree, long leaf, Scalar secret) throws ArtException {
        Scalar[] path = PathMath.ratchet(secret, tree.coPathKeys(leaf));
        return new BranchChange(BranchChangeType.KEY_UPDATE, leaf, Arrays.asList(PathMath.publicKeys(path)));
    }

    /** Balanced shape, every leaf ACTIVE, keys from a small pool (a public tree does not need distinct keys). */
    static PublicTree syntheticTree(int members) {
        List<CortadoPoint> pool = new ArrayList<>();
        CortadoPoint key = Cortado.H;
        for (int i = 0; i < 257; i++) {
            pool.add(key);
            key = key.add(Cortado.G);
        }
        return new PublicTree(build(members, pool, new int[] {0}));
    }

    private static TreeNode build(int leaves, List<CortadoPoint> pool, int[] counter) {
        CortadoPoint key = pool.get(counter[0]++ % pool.size());
        if (leaves == 1) {
            return new TreeNode.Leaf(key, LeafStatus.ACTIVE);
        }
        int left = (leaves + 1) / 2;
        return TreeNode.Internal.of(key, build(left, pool, counter), build(leaves - left, pool, counter));
    }

    private static int changedEntries(byte[] a, byte[] b) {
        assertThat(b).hasSameSizeAs(a);
        int changed = 0;
        for (int entry = 0; entry < (a.length - 1) / 33; entry++) {
            int from = 1 + entry * 33;
            if (!Arrays.equals(a, from, from + 33, b, from, from + 33)) {
                changed++;
            }
        }
        return changed;
    }
}
