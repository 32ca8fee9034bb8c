package io.zrt.protocol.rules;

/** The key whose knowledge a frame must prove (the eligibility table, PROTOCOL.md sections 6 and 7). */
public enum RequiredKey {
    /** The owner identity key carried by the InitGroup operation itself (signature over ad). */
    OWNER_IDENTITY_KEY,
    /** The current key of the operation's target leaf: only the leaf's holder may update or leave it. */
    TARGET_LEAF_KEY,
    /** The current key of the leftmost leaf, which is always the owner's. */
    OWNER_LEAF_KEY,
    /** The tree key (the root's key) of the frame's epoch, i.e. any current member. */
    TREE_KEY
}
