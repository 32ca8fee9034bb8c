package io.zrt.client;

/**
 * Where this member stands in its group. Only {@link #ACTIVE} sends; {@link #ACTIVE} and {@link #LEFT} still read.
 */
public enum GroupStatus {
    /** A member that reads and sends. */
    ACTIVE,
    /** This member left; it reads until a member finalizes its leaf (then {@link #REMOVED}). */
    LEFT,
    /** This member's leaf was removed or finalized: the new epochs' keys are out of its reach. */
    REMOVED,
    /** The owner closed the group; the Node refuses every later frame. */
    DROPPED,
    /**
     * The session can no longer follow the group: it met an operation on its own leaf that it did not make from
     * this state (typically a state restored from a backup older than this member's own later key update or
     * leave). Reads and sends stop. The way back: the owner removes the old leaf and invites this user again, who
     * joins with a new session (docs/client-sdk.md, "Out-of-date state").
     */
    STALE;

    /** True while frames can still be read and processed. */
    public boolean readable() {
        return this == ACTIVE || this == LEFT;
    }
}
