package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.Scalar;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property test: random groups and random sequences of operations by random eligible members. After every
 * step every member derives the same tree key, its public key is the public root, and the observer's public
 * tree (the Node's view) equals every member's public tree. Seeded, so a failure replays exactly.
 */
class RandomOperationsTest {

    /**
     * Groups from 1 to 300 members, 200 random operations each. Cost is (members x operations) derivations of
     * a few scalar multiplications each; -Dart.property.scale=N multiplies every operation count (e.g. 5 for a
     * long run).
     */
    @ParameterizedTest(name = "seed {0}: {1} initial members, {2} operations")
    @CsvSource({"11, 1, 200", "12, 5, 200", "13, 12, 200", "15, 97, 200", "14, 300, 200"})
    void everyMemberStaysInAgreement(long seed, int initialMembers, int baseOperations) throws Exception {
        int operations = baseOperations * Integer.getInteger("art.property.scale", 1);
        Random choices = new Random(seed);
        SecureRandom secrets = seededSecureRandom(seed);
        GroupSimulation group = initialGroup(initialMembers, secrets);
        group.assertConsistent();
        int[] counts = new int[BranchChangeType.values().length];
        for (int step = 0; step < operations; step++) {
            BranchChangeType done = randomStep(group, choices, secrets, initialMembers);
            counts[done.ordinal()]++;
            group.assertConsistent();
        }
        // Every kind of operation must have been exercised, or the property says little.
        for (BranchChangeType type : BranchChangeType.values()) {
            if (initialMembers > 1 && operations >= 100) {
                assertThat(counts[type.ordinal()]).as(type.name()).isPositive();
            }
        }
    }

    /** The owner builds the initial tree; every initial member joins from the public tree and its secret. */
    private static GroupSimulation initialGroup(int size, SecureRandom secrets) throws ArtException {
        List<Scalar> memberSecrets = new ArrayList<>();
        for (int i = 1; i < size; i++) {
            memberSecrets.add(PathMath.freshSecret(secrets));
        }
        return GroupSimulation.initial(PathMath.freshSecret(secrets), memberSecrets);
    }

    private static BranchChangeType randomStep(GroupSimulation group, Random choices, SecureRandom secrets,
                                               int targetSize) throws ArtException {
        PublicTree tree = group.observer();
        List<Integer> active = new ArrayList<>();
        List<Integer> activeNonOwner = new ArrayList<>();
        for (Map.Entry<Integer, MemberView> e : group.members().entrySet()) {
            if (tree.leafStatus(e.getValue().leafIndex()) == LeafStatus.ACTIVE) {
                active.add(e.getKey());
                if (e.getKey() != group.ownerId()) {
                    activeNonOwner.add(e.getKey());
                }
            }
        }
        List<Long> removable = new ArrayList<>();
        for (PublicTree.NodeInfo node : tree.nodes()) {
            if (node.isLeaf() && node.status() != LeafStatus.ACTIVE) {
                removable.add(node.index());
            }
        }
        while (true) {
            int roll = choices.nextInt(100);
            // Adds become likelier when the group shrank below its initial size, so sizes stay comparable.
            int addChance = tree.activeMemberCount() < targetSize ? 35 : 15;
            if (roll < addChance) {
                group.add(PathMath.freshSecret(secrets));
                return BranchChangeType.ADD_MEMBER;
            } else if (roll < 55) {
                int id = pick(active, choices);
                group.publish(id, group.view(id).keyUpdate(secrets));
                return BranchChangeType.KEY_UPDATE;
            } else if (roll < 67 && !activeNonOwner.isEmpty()) {
                long target = group.view(pick(activeNonOwner, choices)).leafIndex();
                group.publish(group.ownerId(), group.view(group.ownerId()).removeMember(target, secrets));
                return BranchChangeType.REMOVE_MEMBER;
            } else if (roll < 79 && !activeNonOwner.isEmpty()) {
                int id = pick(activeNonOwner, choices);
                group.publish(id, group.view(id).leave(secrets));
                return BranchChangeType.LEAVE;
            } else if (roll >= 79 && !removable.isEmpty()) {
                long target = removable.get(choices.nextInt(removable.size()));
                List<Integer> finalizers = new ArrayList<>(active);
                finalizers.removeIf(id -> group.view(id).leafIndex() == target);
                int id = pick(finalizers, choices);
                group.publish(id, group.view(id).finalizeRemoval(target, secrets));
                return BranchChangeType.FINALIZE_REMOVAL;
            }
        }
    }

    private static int pick(List<Integer> ids, Random choices) {
        return ids.get(choices.nextInt(ids.size()));
    }

    static SecureRandom seededSecureRandom(long seed) throws NoSuchAlgorithmException {
        // SHA1PRNG seeded before first use is deterministic: tests replay; production uses new SecureRandom().
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    static Scalar fresh(SecureRandom random) {
        return PathMath.freshSecret(random);
    }
}
