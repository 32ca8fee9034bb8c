package io.zrt.protocol.rules;

import io.zrt.protocol.GroupOperation;

/**
 * What a frame does to its group, with the key the eligibility table requires for it and the stable name the
 * Node stores in the {@code op} field of the frames collection.
 */
public enum OperationKind {
    /** A frame without a group operation: signed with the tree key of its epoch. */
    PLAIN("plain", RequiredKey.TREE_KEY, false),
    INIT("init", RequiredKey.OWNER_IDENTITY_KEY, false),
    ADD_MEMBER("add_member", RequiredKey.OWNER_LEAF_KEY, true),
    REMOVE_MEMBER("remove_member", RequiredKey.OWNER_LEAF_KEY, true),
    FINALIZE_REMOVAL("finalize_removal", RequiredKey.TREE_KEY, true),
    KEY_UPDATE("key_update", RequiredKey.TARGET_LEAF_KEY, true),
    LEAVE_GROUP("leave_group", RequiredKey.TARGET_LEAF_KEY, true),
    /**
     * Closing the group is an owner operation; like add and remove it is proven with the owner's leftmost
     * leaf key (not the identity key), so that only the owner as a current member of this epoch can drop it.
     */
    DROP_GROUP("drop_group", RequiredKey.OWNER_LEAF_KEY, false);

    private final String wireName;
    private final RequiredKey requiredKey;
    private final boolean changesBranch;

    OperationKind(String wireName, RequiredKey requiredKey, boolean changesBranch) {
        this.wireName = wireName;
        this.requiredKey = requiredKey;
        this.changesBranch = changesBranch;
    }

    public String wireName() {
        return wireName;
    }

    public RequiredKey requiredKey() {
        return requiredKey;
    }

    /** True when the operation carries a BranchChange that the tree must apply. */
    public boolean changesBranch() {
        return changesBranch;
    }

    /** True for every frame that moves the group to the next epoch (all operations except plain frames). */
    public boolean isGroupOperation() {
        return this != PLAIN;
    }

    static OperationKind of(GroupOperation operation) throws FrameRejectedException {
        return switch (operation.getOperationCase()) {
            case INIT -> INIT;
            case ADD_MEMBER -> ADD_MEMBER;
            case REMOVE_MEMBER -> REMOVE_MEMBER;
            case FINALIZE_REMOVAL -> FINALIZE_REMOVAL;
            case KEY_UPDATE -> KEY_UPDATE;
            case LEAVE_GROUP -> LEAVE_GROUP;
            case DROP_GROUP -> DROP_GROUP;
            case OPERATION_NOT_SET ->
                    throw new FrameRejectedException(Rejection.MALFORMED_FRAME, "group operation without a kind");
        };
    }
}
