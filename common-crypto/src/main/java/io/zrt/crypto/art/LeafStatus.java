package io.zrt.crypto.art;

/** The status of a leaf. Only ACTIVE leaves count towards internal-node weights. */
public enum LeafStatus {
    /** A member who holds the leaf secret and takes part in the group. */
    ACTIVE(1),
    /** The member announced that it leaves; it still knows the leaf secret until a finalize removal. */
    PENDING_REMOVAL(2),
    /** No member; the slot is reused by the next add. */
    BLANK(3);

    private final int wireTag;

    LeafStatus(int wireTag) {
        this.wireTag = wireTag;
    }

    /** The tag byte of a leaf with this status in the public-tree encoding (0 marks an internal node). */
    int wireTag() {
        return wireTag;
    }

    static LeafStatus fromWireTag(int tag) {
        for (LeafStatus status : values()) {
            if (status.wireTag == tag) {
                return status;
            }
        }
        return null;
    }
}
