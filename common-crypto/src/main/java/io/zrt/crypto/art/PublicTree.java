package io.zrt.crypto.art;

import io.zrt.crypto.cortado.CortadoPoint;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The public ratchet tree: every node's public key and every leaf's status, as the untrusted Node stores and
 * checks it. Immutable and persistent: {@link #apply} returns a new tree that shares all untouched subtrees
 * with this one, so an update of a 100,000-member tree costs O(depth), not O(size).
 */
public final class PublicTree {

    private final TreeNode root;

    PublicTree(TreeNode root) {
        this.root = Objects.requireNonNull(root);
    }

    /** A one-member tree: the owner's leaf at index 1. */
    public static PublicTree singleLeaf(CortadoPoint ownerLeafKey) {
        if (ownerLeafKey.isInfinity()) {
            throw new IllegalArgumentException("a leaf key cannot be the point at infinity");
        }
        return new PublicTree(new TreeNode.Leaf(ownerLeafKey, LeafStatus.ACTIVE));
    }

    /** Strict decoding of {@link #encode()}; see docs/art.md for the format. */
    public static PublicTree decode(byte[] encoded) throws ArtEncodingException {
        return new PublicTree(TreeCodec.decode(encoded));
    }

    /** The canonical encoding: version byte, then (tag, compressed key) per node in increasing heap index. */
    public byte[] encode() {
        return TreeCodec.encode(root);
    }

    /** Applies a branch change after validating it completely; this tree is never modified. */
    public PublicTree apply(BranchChange change) throws ArtException {
        return new PublicTree(BranchApplier.apply(this, change));
    }

    // ---- eligibility helpers: which key verifies which operation ----

    /** The tree's public key: the root secret (tree key) times G. */
    public CortadoPoint rootKey() {
        return root.key();
    }

    /** Heap index of the owner's leaf: the leftmost leaf (1, 2, 4, ...). */
    public long ownerLeafIndex() {
        TreeNode node = root;
        long index = 1;
        while (node instanceof TreeNode.Internal internal) {
            node = internal.left();
            index <<= 1;
        }
        return index;
    }

    /** The owner's leaf key: verifies add and remove operations. */
    public CortadoPoint ownerLeafKey() {
        TreeNode node = root;
        while (node instanceof TreeNode.Internal internal) {
            node = internal.left();
        }
        return node.key();
    }

    /** The key stored at a leaf: verifies key updates and leaves by that leaf's holder. */
    public CortadoPoint leafKey(long index) throws IndexOutOfRangeException, TargetNotLeafException {
        return leaf(index).key();
    }

    public LeafStatus leafStatus(long index) throws IndexOutOfRangeException, TargetNotLeafException {
        return leaf(index).status();
    }

    /** The public key of any node. */
    public CortadoPoint nodeKey(long index) throws IndexOutOfRangeException {
        TreeNode node = find(index);
        if (node == null) {
            throw new IndexOutOfRangeException("no node at heap index " + index);
        }
        return node.key();
    }

    public boolean contains(long index) {
        return find(index) != null;
    }

    public boolean isLeaf(long index) {
        return find(index) instanceof TreeNode.Leaf;
    }

    /** Number of ACTIVE leaves below a node (1 or 0 for a leaf). */
    public int weight(long index) throws IndexOutOfRangeException {
        TreeNode node = find(index);
        if (node == null) {
            throw new IndexOutOfRangeException("no node at heap index " + index);
        }
        return node.activeLeaves();
    }

    /** Depth of an existing leaf: its branch has depth + 1 keys and its co-path depth keys. */
    public int leafDepth(long index) throws IndexOutOfRangeException, TargetNotLeafException {
        leaf(index);
        return HeapIndex.depth(index);
    }

    /**
     * The co-path keys C_0 ... C_{d-1} of a target, leaf level first: C_j is the key of the sibling of the
     * target's ancestor j levels up. The target is an existing leaf or the free slot 2i + 1 next to a leaf i
     * (an add that extends i), in which case C_0 is the key of leaf i, which moves to 2i.
     */
    public List<CortadoPoint> coPathKeys(long target) throws IndexOutOfRangeException, TargetNotLeafException {
        if (!HeapIndex.isValid(target)) {
            throw new IndexOutOfRangeException("heap indices start at 1");
        }
        List<CortadoPoint> keys = new ArrayList<>(HeapIndex.depth(target));
        long start = target;
        if (!contains(target)) {
            if (!isExtensionSlot(target)) {
                throw new IndexOutOfRangeException("no leaf or extension slot at heap index " + target);
            }
            keys.add(find(target >>> 1).key());
            start = target >>> 1;
        } else if (!isLeaf(target)) {
            throw new TargetNotLeafException("heap index " + target + " is an internal node");
        }
        for (long index = start; index > 1; index >>>= 1) {
            keys.add(find(index ^ 1L).key());
        }
        return Collections.unmodifiableList(keys);
    }

    /**
     * Where the next add lands: the leftmost BLANK leaf if there is one, else the slot 2i + 1 of the leaf i
     * reached by descending towards the lighter child (ties to the left).
     */
    public long placementTarget() throws IndexOutOfRangeException {
        TreeNode node = root;
        long index = 1;
        boolean reuse = root.blankLeaves() > 0;
        while (node instanceof TreeNode.Internal internal) {
            boolean goRight = reuse
                    ? internal.left().blankLeaves() == 0
                    : internal.right().activeLeaves() < internal.left().activeLeaves();
            node = internal.child(goRight);
            index = 2 * index + (goRight ? 1 : 0);
        }
        if (reuse) {
            return index;
        }
        if (HeapIndex.depth(index) >= HeapIndex.MAX_DEPTH) {
            throw new IndexOutOfRangeException("placement would exceed the tree depth limit");
        }
        return 2 * index + 1;
    }

    public int activeMemberCount() {
        return root.activeLeaves();
    }

    public int leafCount() {
        return root.leafCount();
    }

    /** Depth of the deepest leaf. */
    public int height() {
        return root.height();
    }

    /** Heap indices of all leaves, in increasing order. */
    public List<Long> leafIndices() {
        List<Long> leaves = new ArrayList<>(root.leafCount());
        for (NodeInfo info : nodes()) {
            if (info.isLeaf()) {
                leaves.add(info.index());
            }
        }
        return leaves;
    }

    /** Every node in increasing heap index (the order of the encoding). O(size). */
    public List<NodeInfo> nodes() {
        List<NodeInfo> out = new ArrayList<>();
        ArrayDeque<TreeNode> queue = new ArrayDeque<>();
        ArrayDeque<Long> indices = new ArrayDeque<>();
        queue.add(root);
        indices.add(1L);
        while (!queue.isEmpty()) {
            TreeNode node = queue.poll();
            long index = indices.poll();
            if (node instanceof TreeNode.Internal internal) {
                out.add(new NodeInfo(index, node.key(), null, node.activeLeaves()));
                queue.add(internal.left());
                indices.add(2 * index);
                queue.add(internal.right());
                indices.add(2 * index + 1);
            } else {
                TreeNode.Leaf leaf = (TreeNode.Leaf) node;
                out.add(new NodeInfo(index, leaf.key(), leaf.status(), leaf.activeLeaves()));
            }
        }
        return out;
    }

    /** One node: its heap index, public key, and status (null for internal nodes) and weight. */
    public record NodeInfo(long index, CortadoPoint key, LeafStatus status, int weight) {
        public boolean isLeaf() {
            return status != null;
        }
    }

    // ---- package-private navigation ----

    TreeNode root() {
        return root;
    }

    /** The node at a heap index, or null if the tree has none there. */
    TreeNode find(long index) {
        if (index < 1) {
            return null;
        }
        TreeNode node = root;
        for (int bit = HeapIndex.depth(index) - 1; bit >= 0; bit--) {
            if (!(node instanceof TreeNode.Internal internal)) {
                return null;
            }
            node = internal.child(((index >>> bit) & 1L) == 1L);
        }
        return node;
    }

    /** True if the index is the right child slot of an existing leaf (where an add may extend the tree). */
    boolean isExtensionSlot(long index) {
        return index > 1 && (index & 1L) == 1L && find(index >>> 1) instanceof TreeNode.Leaf;
    }

    TreeNode.Leaf leaf(long index) throws IndexOutOfRangeException, TargetNotLeafException {
        TreeNode node = find(index);
        if (node == null) {
            throw new IndexOutOfRangeException("no node at heap index " + index);
        }
        if (!(node instanceof TreeNode.Leaf leaf)) {
            throw new TargetNotLeafException("heap index " + index + " is an internal node");
        }
        return leaf;
    }

    /** Equal iff both trees have the same shape, keys and leaf statuses. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PublicTree other && TreeNode.sameTree(root, other.root);
    }

    @Override
    public int hashCode() {
        return root.key().hashCode();
    }

    @Override
    public String toString() {
        return "PublicTree[members=" + root.activeLeaves() + ", leaves=" + root.leafCount()
                + ", height=" + root.height() + ", root=" + root.key() + "]";
    }
}
