package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inconsistent branch changes are refused with a typed error by the observer (public view) and by members
 * (private views), and every tree and view stays exactly as it was.
 */
class RejectionTest {

    private final SecureRandom random = new SecureRandom();
    private GroupSimulation group;
    private byte[] observerBefore;
    private long blankLeaf;

    @BeforeEach
    void group() throws Exception {
        List<Scalar> secrets = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            secrets.add(PathMath.freshSecret(random));
        }
        group = GroupSimulation.initial(PathMath.freshSecret(random), secrets);
        blankLeaf = group.view(7).leafIndex();
        group.publish(group.ownerId(), group.view(group.ownerId()).removeMember(blankLeaf, random));
        group.assertConsistent();
        observerBefore = group.observer().encode();
    }

    private void assertRejectedByEveryone(BranchChange change, Class<? extends ArtException> expected) {
        assertThatThrownBy(() -> group.observer().apply(change)).isInstanceOf(expected);
        for (MemberView view : group.members().values()) {
            assertThatThrownBy(() -> view.apply(change)).isInstanceOf(expected);
        }
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(group.observer().encode()).isEqualTo(observerBefore);
        group.assertConsistent();
    }

    private CreatedBranch validUpdateBy(int memberId) throws ArtException {
        return group.view(memberId).keyUpdate(random);
    }

    @Test
    void wrongKeyAtAnyLevelIsRejectedByTheMembersWhoseDerivationReachesIt() throws Exception {
        CreatedBranch update = validUpdateBy(4);
        BranchChange honest = update.change();
        long target = honest.target();
        CortadoPoint bogus = Cortado.multiplyGenerator(PathMath.freshSecret(random));
        for (int level = 0; level < honest.pathKeys().size(); level++) {
            List<CortadoPoint> keys = new ArrayList<>(honest.pathKeys());
            keys.set(level, bogus);
            BranchChange forged = new BranchChange(honest.type(), target, keys);
            // The Node cannot tell (that is the branch proof's job) ...
            assertThat(group.observer().apply(forged)).isNotEqualTo(group.observer().apply(honest));
            // ... but a member who derives that level refuses; for the root that is every member.
            int rejecting = 0;
            for (Map.Entry<Integer, MemberView> e : group.members().entrySet()) {
                long member = e.getValue().leafIndex();
                if (member == target) {
                    continue;
                }
                int meetLevel = HeapIndex.depth(target)
                        - HeapIndex.depth(HeapIndex.lowestCommonAncestor(member, target));
                if (meetLevel - 1 <= level) {
                    assertThatThrownBy(() -> e.getValue().apply(forged)).isInstanceOf(RootMismatchException.class);
                    rejecting++;
                }
            }
            assertThat(rejecting).isPositive();
            if (level == honest.pathKeys().size() - 1) {
                assertThat(rejecting).isEqualTo(group.members().size() - 1);
            }
            assertUnchanged();
        }
    }

    @Test
    void wrongPathLength() throws Exception {
        BranchChange honest = validUpdateBy(3).change();
        List<CortadoPoint> shorter = honest.pathKeys().subList(1, honest.pathKeys().size());
        List<CortadoPoint> longer = new ArrayList<>(honest.pathKeys());
        longer.add(Cortado.G);
        assertRejectedByEveryone(new BranchChange(honest.type(), honest.target(), shorter),
                WrongPathLengthException.class);
        assertRejectedByEveryone(new BranchChange(honest.type(), honest.target(), longer),
                WrongPathLengthException.class);
    }

    @Test
    void indexOutOfRange() throws Exception {
        BranchChange honest = validUpdateBy(3).change();
        long missing = 4L * group.observer().leafIndices().get(group.observer().leafCount() - 1) + 2;
        List<CortadoPoint> keys = keysFor(missing);
        assertRejectedByEveryone(new BranchChange(BranchChangeType.KEY_UPDATE, missing, keys),
                IndexOutOfRangeException.class);
        assertRejectedByEveryone(new BranchChange(BranchChangeType.FINALIZE_REMOVAL, missing, keys),
                IndexOutOfRangeException.class);
        assertThat(honest.target()).isNotEqualTo(missing);
        assertThatThrownBy(() -> group.observer().coPathKeys(missing)).isInstanceOf(IndexOutOfRangeException.class);
        assertThatThrownBy(() -> group.observer().leafKey(0)).isInstanceOf(IndexOutOfRangeException.class);
    }

    @Test
    void targetNotALeaf() throws Exception {
        for (long internal : new long[] {1, 2, 3}) {
            assertRejectedByEveryone(new BranchChange(BranchChangeType.KEY_UPDATE, internal, keysFor(internal)),
                    TargetNotLeafException.class);
        }
        assertThatThrownBy(() -> group.observer().leafKey(1)).isInstanceOf(TargetNotLeafException.class);
    }

    @Test
    void wrongLeafStatus() throws Exception {
        List<CortadoPoint> keys = keysFor(blankLeaf);
        for (BranchChangeType type : List.of(BranchChangeType.KEY_UPDATE, BranchChangeType.REMOVE_MEMBER,
                BranchChangeType.LEAVE)) {
            assertRejectedByEveryone(new BranchChange(type, blankLeaf, keys), WrongLeafStatusException.class);
        }
        long activeLeaf = group.view(5).leafIndex();
        assertRejectedByEveryone(new BranchChange(BranchChangeType.FINALIZE_REMOVAL, activeLeaf,
                keysFor(activeLeaf)), WrongLeafStatusException.class);
    }

    @Test
    void addAnywhereButThePlacementTarget() throws Exception {
        long placement = group.observer().placementTarget();
        assertThat(placement).isEqualTo(blankLeaf); // the blank leaf is reused first
        long elsewhere = group.view(5).leafIndex();
        assertRejectedByEveryone(new BranchChange(BranchChangeType.ADD_MEMBER, elsewhere, keysFor(elsewhere)),
                PlacementMismatchException.class);
    }

    @Test
    void removingTheOwnerLeaf() throws Exception {
        long owner = group.observer().ownerLeafIndex();
        assertRejectedByEveryone(new BranchChange(BranchChangeType.REMOVE_MEMBER, owner, keysFor(owner)),
                OwnerLeafException.class);
        assertRejectedByEveryone(new BranchChange(BranchChangeType.LEAVE, owner, keysFor(owner)),
                OwnerLeafException.class);
    }

    @Test
    void aRejectedChangeLeavesTheViewUsable() throws Exception {
        BranchChange honest = validUpdateBy(2).change();
        List<CortadoPoint> keys = new ArrayList<>(honest.pathKeys());
        keys.set(keys.size() - 1, Cortado.G);
        BranchChange forged = new BranchChange(honest.type(), honest.target(), keys);
        MemberView owner = group.view(group.ownerId());
        assertThatThrownBy(() -> owner.apply(forged)).isInstanceOf(RootMismatchException.class);
        assertUnchanged();
        // The honest change still applies afterwards.
        MemberView after = owner.apply(honest);
        assertThat(Cortado.multiplyGenerator(after.treeKey())).isEqualTo(group.observer().apply(honest).rootKey());
    }

    /** Well-formed but meaningless keys of the right count for a target. */
    private List<CortadoPoint> keysFor(long target) {
        List<CortadoPoint> keys = new ArrayList<>();
        CortadoPoint key = Cortado.H;
        for (int i = 0; i <= HeapIndex.depth(target); i++) {
            keys.add(key);
            key = key.add(Cortado.G);
        }
        return keys;
    }
}
