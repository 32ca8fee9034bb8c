package io.zrt.crypto.art;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.cortado.CortadoPoint;
import java.util.ArrayDeque;

/**
 * The canonical public-tree encoding (docs/art.md): a version byte, then one entry per node in increasing
 * heap index, each a tag byte (0 internal, 1 ACTIVE, 2 PENDING_REMOVAL, 3 BLANK) and the 32-byte compressed
 * key. Indices are implicit: in increasing heap order the children of the k-th internal entry are entries
 * 2k + 1 and 2k + 2, so malformed shapes (a child without parent, a node with one child, duplicate or
 * unsorted indices) cannot even be written down. Weights are derived, never encoded.
 */
final class TreeCodec {

    static final int VERSION = 1;
    static final int ENTRY_LENGTH = 1 + CortadoPoint.ENCODED_LENGTH;
    private static final int INTERNAL_TAG = 0;

    private TreeCodec() {
    }

    static byte[] encode(TreeNode root) {
        int count = 2 * root.leafCount() - 1;
        byte[] out = new byte[1 + count * ENTRY_LENGTH];
        out[0] = (byte) VERSION;
        ArrayDeque<TreeNode> queue = new ArrayDeque<>();
        queue.add(root);
        int offset = 1;
        while (!queue.isEmpty()) {
            TreeNode node = queue.poll();
            if (node instanceof TreeNode.Internal internal) {
                out[offset] = (byte) INTERNAL_TAG;
                queue.add(internal.left());
                queue.add(internal.right());
            } else {
                out[offset] = (byte) ((TreeNode.Leaf) node).status().wireTag();
            }
            System.arraycopy(node.key().encode(), 0, out, offset + 1, CortadoPoint.ENCODED_LENGTH);
            offset += ENTRY_LENGTH;
        }
        return out;
    }

    static TreeNode decode(byte[] bytes) throws ArtEncodingException {
        if (bytes == null || bytes.length < 1 + ENTRY_LENGTH) {
            throw new ArtEncodingException("tree encoding too short");
        }
        if ((bytes[0] & 0xff) != VERSION) {
            throw new ArtEncodingException("unknown tree encoding version " + (bytes[0] & 0xff));
        }
        if ((bytes.length - 1) % ENTRY_LENGTH != 0) {
            throw new ArtEncodingException("tree encoding is not a whole number of node entries");
        }
        int count = (bytes.length - 1) / ENTRY_LENGTH;
        if (count % 2 == 0) {
            throw new ArtEncodingException("a full binary tree has an odd number of nodes");
        }
        byte[] tags = new byte[count];
        byte[] depths = new byte[count];
        int[] internalPositions = new int[count / 2 + 1];
        // First pass: the shape only (cheap), so malformed input is rejected before any point is decompressed.
        int internalSeen = 0;
        int expected = 1; // entries announced so far by the root and by internal entries
        for (int pos = 0; pos < count; pos++) {
            if (pos >= expected) {
                throw new ArtEncodingException("trailing node entries after a complete tree");
            }
            int tag = bytes[1 + pos * ENTRY_LENGTH] & 0xff;
            tags[pos] = (byte) tag;
            if (pos > 0) {
                depths[pos] = (byte) (depths[internalPositions[(pos - 1) / 2]] + 1);
            }
            if (tag == INTERNAL_TAG) {
                if (depths[pos] >= HeapIndex.MAX_DEPTH) {
                    throw new ArtEncodingException("tree deeper than the depth limit");
                }
                if (internalSeen == count / 2) {
                    throw new ArtEncodingException("tree encoding ends before every internal node has two children");
                }
                internalPositions[internalSeen++] = pos;
                expected = 1 + 2 * internalSeen;
            } else if (LeafStatus.fromWireTag(tag) == null) {
                throw new ArtEncodingException("unknown node tag " + tag);
            }
        }
        if (expected != count) {
            throw new ArtEncodingException("tree encoding ends before every internal node has two children");
        }
        return build(bytes, tags, count);
    }

    /** Second pass: decode keys and link nodes from the last entry back to the root. */
    private static TreeNode build(byte[] bytes, byte[] tags, int count) throws ArtEncodingException {
        // Internal entries in order; entry pos is the k-th internal node iff its children are 2k+1, 2k+2.
        int[] internalRank = new int[count];
        int rank = 0;
        for (int pos = 0; pos < count; pos++) {
            internalRank[pos] = tags[pos] == INTERNAL_TAG ? rank++ : -1;
        }
        TreeNode[] nodes = new TreeNode[count];
        byte[] keyBytes = new byte[CortadoPoint.ENCODED_LENGTH];
        for (int pos = count - 1; pos >= 0; pos--) {
            System.arraycopy(bytes, 1 + pos * ENTRY_LENGTH + 1, keyBytes, 0, keyBytes.length);
            CortadoPoint key;
            try {
                key = CortadoPoint.decode(keyBytes);
            } catch (InvalidEncodingException e) {
                throw new ArtEncodingException("invalid key in node entry " + pos + ": " + e.getMessage(), e);
            }
            if (tags[pos] == INTERNAL_TAG) {
                int k = internalRank[pos];
                nodes[pos] = TreeNode.Internal.of(key, nodes[2 * k + 1], nodes[2 * k + 2]);
                nodes[2 * k + 1] = null;
                nodes[2 * k + 2] = null;
            } else {
                nodes[pos] = new TreeNode.Leaf(key, LeafStatus.fromWireTag(tags[pos]));
            }
        }
        TreeNode root = nodes[0];
        if (leftmostLeaf(root).status() != LeafStatus.ACTIVE) {
            throw new ArtEncodingException("the owner's (leftmost) leaf must be ACTIVE");
        }
        return root;
    }

    private static TreeNode.Leaf leftmostLeaf(TreeNode node) {
        while (node instanceof TreeNode.Internal internal) {
            node = internal.left();
        }
        return (TreeNode.Leaf) node;
    }
}
