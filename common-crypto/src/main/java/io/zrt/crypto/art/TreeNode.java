package io.zrt.crypto.art;

import io.zrt.crypto.cortado.CortadoPoint;
import java.util.Objects;

/**
 * An immutable node of the persistent tree. Updates rebuild only the path from the changed leaf to the root
 * and share every other subtree, so an update costs O(depth) allocations whatever the group size. Subtree
 * counters (active, blank, all leaves) make the placement rule and the size queries O(depth) too.
 */
sealed interface TreeNode permits TreeNode.Leaf, TreeNode.Internal {

    CortadoPoint key();

    /** Number of ACTIVE leaves below (the weight of an internal node; 1 or 0 for a leaf). */
    int activeLeaves();

    int blankLeaves();

    int leafCount();

    /** Number of edges on the longest path down to a leaf. */
    int height();

    TreeNode withKey(CortadoPoint newKey);

    record Leaf(CortadoPoint key, LeafStatus status) implements TreeNode {
        public Leaf {
            Objects.requireNonNull(key);
            Objects.requireNonNull(status);
        }

        @Override
        public int activeLeaves() {
            return status == LeafStatus.ACTIVE ? 1 : 0;
        }

        @Override
        public int blankLeaves() {
            return status == LeafStatus.BLANK ? 1 : 0;
        }

        @Override
        public int leafCount() {
            return 1;
        }

        @Override
        public int height() {
            return 0;
        }

        @Override
        public TreeNode withKey(CortadoPoint newKey) {
            return new Leaf(newKey, status);
        }
    }

    record Internal(CortadoPoint key, TreeNode left, TreeNode right, int activeLeaves, int blankLeaves,
                    int leafCount, int height) implements TreeNode {

        static Internal of(CortadoPoint key, TreeNode left, TreeNode right) {
            return new Internal(Objects.requireNonNull(key), left, right,
                    left.activeLeaves() + right.activeLeaves(),
                    left.blankLeaves() + right.blankLeaves(),
                    left.leafCount() + right.leafCount(),
                    1 + Math.max(left.height(), right.height()));
        }

        TreeNode child(boolean rightSide) {
            return rightSide ? right : left;
        }

        @Override
        public TreeNode withKey(CortadoPoint newKey) {
            return of(newKey, left, right);
        }
    }

    /** Structural equality of two subtrees (keys and statuses), short-cutting shared subtrees. */
    static boolean sameTree(TreeNode a, TreeNode b) {
        if (a == b) {
            return true;
        }
        if (!a.key().equals(b.key())) {
            return false;
        }
        if (a instanceof Leaf la && b instanceof Leaf lb) {
            return la.status() == lb.status();
        }
        if (a instanceof Internal ia && b instanceof Internal ib) {
            return sameTree(ia.left(), ib.left()) && sameTree(ia.right(), ib.right());
        }
        return false;
    }
}
