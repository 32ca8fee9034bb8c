package io.zrt.node.trees;

import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.protocol.rules.TreeKeys;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable public ratchet tree: a public key per node (heap-indexed, root 1), a status per leaf.
 * A node is internal exactly when its children 2i and 2i + 1 exist. Built only by {@link PublicTreeCodec}
 * (strict decoding) and {@link BranchApplier} (checked changes), so every instance is well formed.
 *
 * <p>Interim: the ART library of common-crypto (io.zrt.crypto.art) will provide the canonical tree and its
 * encoding; until it lands the Node uses this class and the encoding described in docs/node-service.md.
 */
public final class PublicTree implements TreeKeys {

    private final TreeMap<Integer, CortadoPoint> keys;
    private final TreeMap<Integer, LeafStatus> leafStatus;

    PublicTree(TreeMap<Integer, CortadoPoint> keys, TreeMap<Integer, LeafStatus> leafStatus) {
        this.keys = keys;
        this.leafStatus = leafStatus;
    }

    /** A single-member tree: the owner's leaf at the root. */
    public static PublicTree singleLeaf(CortadoPoint ownerLeafKey) {
        TreeMap<Integer, CortadoPoint> keys = new TreeMap<>();
        keys.put(ROOT, ownerLeafKey);
        TreeMap<Integer, LeafStatus> statuses = new TreeMap<>();
        statuses.put(ROOT, LeafStatus.ACTIVE);
        return new PublicTree(keys, statuses);
    }

    public boolean contains(int node) {
        return keys.containsKey(node);
    }

    public boolean isLeaf(int node) {
        return leafStatus.containsKey(node);
    }

    public Optional<LeafStatus> status(int leaf) {
        return Optional.ofNullable(leafStatus.get(leaf));
    }

    public CortadoPoint key(int node) {
        CortadoPoint key = keys.get(node);
        if (key == null) {
            throw new IllegalArgumentException("no node " + node);
        }
        return key;
    }

    public CortadoPoint rootKey() {
        return keys.get(ROOT);
    }

    @Override
    public Optional<byte[]> nodeKey(int heapIndex) {
        return Optional.ofNullable(keys.get(heapIndex)).map(CortadoPoint::encode);
    }

    @Override
    public int ownerLeaf() {
        int node = ROOT;
        while (!isLeaf(node)) {
            node = 2 * node;
        }
        return node;
    }

    /** Number of ACTIVE leaves under (and including) a node. */
    public int weight(int node) {
        if (isLeaf(node)) {
            return leafStatus.get(node) == LeafStatus.ACTIVE ? 1 : 0;
        }
        return weight(2 * node) + weight(2 * node + 1);
    }

    /**
     * Where the next member goes: the leftmost BLANK leaf if any; otherwise descend from the root towards the
     * lighter child (ties left) and extend the leaf reached, the new member taking its right child.
     */
    public int placementTarget() {
        for (Map.Entry<Integer, LeafStatus> leaf : leavesLeftToRight().entrySet()) {
            if (leaf.getValue() == LeafStatus.BLANK) {
                return leaf.getKey();
            }
        }
        int node = ROOT;
        while (!isLeaf(node)) {
            node = weight(2 * node + 1) < weight(2 * node) ? 2 * node + 1 : 2 * node;
        }
        return 2 * node + 1;
    }

    /** Leaves in left-to-right order (depth-first, left child first). */
    Map<Integer, LeafStatus> leavesLeftToRight() {
        Map<Integer, LeafStatus> ordered = new java.util.LinkedHashMap<>();
        collect(ROOT, ordered);
        return ordered;
    }

    private void collect(int node, Map<Integer, LeafStatus> out) {
        if (isLeaf(node)) {
            out.put(node, leafStatus.get(node));
        } else {
            collect(2 * node, out);
            collect(2 * node + 1, out);
        }
    }

    Map<Integer, CortadoPoint> keys() {
        return Collections.unmodifiableMap(keys);
    }

    Map<Integer, LeafStatus> statuses() {
        return Collections.unmodifiableMap(leafStatus);
    }

    TreeMap<Integer, CortadoPoint> copyKeys() {
        return new TreeMap<>(keys);
    }

    TreeMap<Integer, LeafStatus> copyStatuses() {
        return new TreeMap<>(leafStatus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicTree other && keys.equals(other.keys) && leafStatus.equals(other.leafStatus);
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + leafStatus.hashCode();
    }

    @Override
    public String toString() {
        return "PublicTree(" + keys.size() + " nodes, " + leafStatus.size() + " leaves)";
    }
}
