package io.zrt.crypto.art;

import io.zrt.crypto.cortado.CortadoPoint;
import java.util.List;

/**
 * Validates a branch change against a tree and builds the resulting tree by path copying. Every check runs
 * before anything is built, and the input tree is immutable, so a rejected change leaves no trace.
 */
final class BranchApplier {

    private BranchApplier() {
    }

    static TreeNode apply(PublicTree tree, BranchChange change) throws ArtException {
        long target = change.target();
        BranchChangeType type = change.type();
        boolean extension = false;
        if (type == BranchChangeType.ADD_MEMBER) {
            long expected = tree.placementTarget();
            if (target != expected) {
                throw new PlacementMismatchException(
                        "add targets " + target + " but the placement rule selects " + expected);
            }
            extension = !tree.contains(target);
        } else {
            TreeNode.Leaf leaf = tree.leaf(target);
            checkStatus(type, leaf.status());
            if (type != BranchChangeType.KEY_UPDATE && target == tree.ownerLeafIndex()) {
                throw new OwnerLeafException(type + " may not target the owner's leaf");
            }
        }
        int depth = HeapIndex.depth(target);
        List<CortadoPoint> published = change.pathKeys();
        if (published.size() != depth + 1) {
            throw new WrongPathLengthException("target at depth " + depth + " needs " + (depth + 1)
                    + " path keys, got " + published.size());
        }
        TreeNode[] oldPath = pathFromRoot(tree, extension ? target >>> 1 : target);
        CortadoPoint[] newKeys = newPathKeys(type, published, oldPath, depth);
        return rebuild(oldPath, target, depth, extension, newKeys, type.resultingStatus());
    }

    private static void checkStatus(BranchChangeType type, LeafStatus status) throws WrongLeafStatusException {
        boolean allowed = switch (type) {
            case KEY_UPDATE, REMOVE_MEMBER, LEAVE -> status == LeafStatus.ACTIVE;
            case FINALIZE_REMOVAL -> status == LeafStatus.BLANK || status == LeafStatus.PENDING_REMOVAL;
            case ADD_MEMBER -> status == LeafStatus.BLANK;
        };
        if (!allowed) {
            throw new WrongLeafStatusException(type + " is not allowed on a " + status + " leaf");
        }
    }

    /** Nodes from the root down to (and including) the given existing node; entry k has depth k. */
    private static TreeNode[] pathFromRoot(PublicTree tree, long index) {
        int depth = HeapIndex.depth(index);
        TreeNode[] path = new TreeNode[depth + 1];
        TreeNode node = tree.root();
        path[0] = node;
        for (int k = 1; k <= depth; k++) {
            boolean right = ((index >>> (depth - k)) & 1L) == 1L;
            node = ((TreeNode.Internal) node).child(right);
            path[k] = node;
        }
        return path;
    }

    /** The keys the path nodes get, leaf first: the published ones, or old + contribution if additive. */
    private static CortadoPoint[] newPathKeys(BranchChangeType type, List<CortadoPoint> published,
                                              TreeNode[] oldPath, int depth)
            throws DegenerateKeyException {
        CortadoPoint[] keys = new CortadoPoint[depth + 1];
        for (int level = 0; level <= depth; level++) {
            CortadoPoint key = published.get(level);
            if (type.isAdditive()) {
                // Additive changes never extend, so the old path has a node on every level.
                key = oldPath[depth - level].key().add(key);
                if (key.isInfinity()) {
                    throw new DegenerateKeyException("additive update produced the point at infinity");
                }
            }
            keys[level] = key;
        }
        return keys;
    }

    private static TreeNode rebuild(TreeNode[] oldPath, long target, int depth, boolean extension,
                                    CortadoPoint[] newKeys, LeafStatus leafStatus) {
        TreeNode current = new TreeNode.Leaf(newKeys[0], leafStatus);
        for (int level = 1; level <= depth; level++) {
            long childIndex = target >>> (level - 1);
            TreeNode sibling;
            if (extension && level == 1) {
                sibling = oldPath[depth - 1]; // the extended leaf keeps its key and status at 2i
            } else {
                TreeNode.Internal oldParent = (TreeNode.Internal) oldPath[depth - level];
                sibling = oldParent.child((childIndex & 1L) == 0L);
            }
            boolean currentIsRight = (childIndex & 1L) == 1L;
            current = currentIsRight
                    ? TreeNode.Internal.of(newKeys[level], sibling, current)
                    : TreeNode.Internal.of(newKeys[level], current, sibling);
        }
        return current;
    }
}
