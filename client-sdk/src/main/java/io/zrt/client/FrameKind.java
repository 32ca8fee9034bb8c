package io.zrt.client;

/** What a frame of the group's log does: a plain message or one of the group operations (docs/protocol.md §8). */
public enum FrameKind {
    PLAIN, INIT, ADD_MEMBER, REMOVE_MEMBER, FINALIZE_REMOVAL, KEY_UPDATE, LEAVE_GROUP, DROP_GROUP;

    /** True for every kind that moves the group to the next epoch. */
    public boolean isOperation() {
        return this != PLAIN;
    }
}
