package io.zrt.protocol.rules;

import java.util.Optional;

/** The public keys of a ratchet tree that eligibility needs; the tree implementation provides them. */
public interface TreeKeys {

    /** Heap index of the root, whose key is the tree key. */
    int ROOT = 1;

    /** The compressed public key of the node at {@code heapIndex}, or empty when the tree has no such node. */
    Optional<byte[]> nodeKey(int heapIndex);

    /** Heap index of the leftmost leaf, which always belongs to the owner. */
    int ownerLeaf();
}
