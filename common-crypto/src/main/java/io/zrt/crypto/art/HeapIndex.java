package io.zrt.crypto.art;

/**
 * Heap addressing of tree nodes: the root is 1 and the children of i are 2i and 2i + 1. Indices are positive
 * longs, so the deepest possible node has depth {@link #MAX_DEPTH}; the tree refuses to grow beyond it.
 */
public final class HeapIndex {

    /** Depth limit of any node (a heap index must stay a positive long). */
    public static final int MAX_DEPTH = 62;

    private HeapIndex() {
    }

    /** Number of edges between the root and the node (the root has depth 0). */
    public static int depth(long index) {
        requireValid(index);
        return 63 - Long.numberOfLeadingZeros(index);
    }

    public static boolean isValid(long index) {
        return index >= 1;
    }

    public static long parent(long index) {
        requireValid(index);
        return index >>> 1;
    }

    public static long sibling(long index) {
        requireValid(index);
        return index ^ 1L;
    }

    /** The ancestor {@code levelsUp} levels above the node (0 is the node itself). */
    public static long ancestor(long index, int levelsUp) {
        requireValid(index);
        return index >>> levelsUp;
    }

    /** True if {@code ancestor} lies on the path from {@code index} to the root (a node is its own ancestor). */
    public static boolean isAncestor(long ancestor, long index) {
        int gap = depth(index) - depth(ancestor);
        return gap >= 0 && (index >>> gap) == ancestor;
    }

    /** The deepest node that is an ancestor of both. */
    public static long lowestCommonAncestor(long a, long b) {
        int da = depth(a);
        int db = depth(b);
        long x = da > db ? a >>> (da - db) : a;
        long y = db > da ? b >>> (db - da) : b;
        while (x != y) {
            x >>>= 1;
            y >>>= 1;
        }
        return x;
    }

    private static void requireValid(long index) {
        if (index < 1) {
            throw new IllegalArgumentException("heap indices start at 1");
        }
    }
}
