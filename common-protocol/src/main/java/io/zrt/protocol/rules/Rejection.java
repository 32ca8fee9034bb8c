package io.zrt.protocol.rules;

/**
 * Why a frame or a read request is refused. Each value has a stable machine-readable {@link #code()} (the
 * Node puts it into its problem+json answers, clients switch on it) and a {@link Kind} that tells which
 * class of failure it is; the Node maps kinds to HTTP status codes, the SDK to its own errors.
 */
public enum Rejection {
    /** The bytes are not a protobuf message of the expected type, or carry fields this version does not know. */
    MALFORMED_FRAME("malformed_frame", Kind.MALFORMED),
    /** A field is present but has the wrong length, range or encoding (group id, nonce, point, proof shape). */
    INVALID_FIELD("invalid_field", Kind.MALFORMED),
    /** The group id in the request path differs from the one inside the signed bytes. */
    GROUP_ID_MISMATCH("group_id_mismatch", Kind.MALFORMED),
    /** InitGroup.public_tree is not the canonical ART tree encoding (docs/art.md), or holds an invalid point. */
    INVALID_PUBLIC_TREE("invalid_public_tree", Kind.MALFORMED),
    /** A branch change whose number of path keys is not depth(target) + 1. */
    WRONG_PATH_LENGTH("wrong_path_length", Kind.INVALID_TREE_CHANGE),
    /** A target (or extension slot) that is not a node of the tree, or a tree that would grow too deep. */
    INDEX_OUT_OF_RANGE("index_out_of_range", Kind.INVALID_TREE_CHANGE),
    /** A branch change aimed at an internal node. */
    TARGET_NOT_LEAF("target_not_leaf", Kind.INVALID_TREE_CHANGE),
    /** The target leaf's status forbids the operation (e.g. key update of a BLANK leaf, finalize of an ACTIVE one). */
    WRONG_LEAF_STATUS("wrong_leaf_status", Kind.INVALID_TREE_CHANGE),
    /** An add member whose target is not the leaf the placement rule selects. */
    PLACEMENT_MISMATCH("placement_mismatch", Kind.INVALID_TREE_CHANGE),
    /** An operation other than a key update aimed at the owner's (leftmost) leaf. */
    OWNER_LEAF_PROTECTED("owner_leaf_protected", Kind.INVALID_TREE_CHANGE),
    /** An additive update whose result is the point at infinity, or a ratchet step that degenerates. */
    DEGENERATE_KEY("degenerate_key", Kind.INVALID_TREE_CHANGE),
    /** Client side: the root secret derived from a branch change does not match the published root key. */
    ROOT_MISMATCH("root_mismatch", Kind.INVALID_TREE_CHANGE),
    /** Client side: a leaf secret that does not match the key of its leaf (e.g. a forged invite). */
    LEAF_KEY_MISMATCH("leaf_key_mismatch", Kind.INVALID_TREE_CHANGE),
    /** A branch change refused by the tree for a reason this version has no more specific code for. */
    INVALID_TREE_CHANGE("invalid_tree_change", Kind.INVALID_TREE_CHANGE),
    /** Client side: a path secret outside [1, 2^252); choose another secret. */
    PATH_SECRET_RANGE("path_secret_range", Kind.INVALID_TREE_CHANGE),
    /** Client side: the branch change removed or replaced this member's own leaf. */
    NOT_A_MEMBER("not_a_member", Kind.FORBIDDEN),
    /** Client side: an owner-only operation (add, remove) created by a member who is not the owner. */
    NOT_OWNER("not_owner", Kind.FORBIDDEN),
    /** The frame is larger than the configured limit. */
    FRAME_TOO_LARGE("frame_too_large", Kind.TOO_LARGE),
    /** No group with that id exists. */
    UNKNOWN_GROUP("unknown_group", Kind.NOT_FOUND),
    /** No tree is stored for the requested epoch. */
    UNKNOWN_EPOCH("unknown_epoch", Kind.NOT_FOUND),
    /** The group was dropped by its owner; it accepts nothing any more. */
    GROUP_DROPPED("group_dropped", Kind.GONE),
    /** An init frame for a group id that is already taken. */
    GROUP_EXISTS("group_exists", Kind.CONFLICT),
    /** The frame's epoch is behind the group (another operation won the epoch). */
    STALE_EPOCH("stale_epoch", Kind.CONFLICT),
    /** The frame's epoch is ahead of what the group can accept next. */
    FUTURE_EPOCH("future_epoch", Kind.CONFLICT),
    /** The (group, nonce) pair was seen before. */
    REPLAYED_NONCE("replayed_nonce", Kind.CONFLICT),
    /** A signature or proof of knowledge that does not verify. */
    INVALID_PROOF("invalid_proof", Kind.UNAUTHENTICATED),
    /**
     * The zero-knowledge branch proof of a group operation is missing, malformed, or does not prove that the
     * published path keys are the ratchet of a known secret over the co-path of the tree before the frame.
     */
    INVALID_BRANCH_PROOF("invalid_branch_proof", Kind.UNAUTHENTICATED),
    /** A read challenge that is unknown, already used or expired. */
    INVALID_CHALLENGE("invalid_challenge", Kind.UNAUTHENTICATED),
    /** A proof that verifies, but by a key that the eligibility table does not allow for this operation. */
    NOT_ELIGIBLE("not_eligible", Kind.FORBIDDEN),
    /** Too many requests from this client or for this group; retry after the time the answer names. */
    RATE_LIMITED("rate_limited", Kind.RATE_LIMITED);

    /** Classes of failure, independent of the transport. */
    public enum Kind {
        /** Undecodable or badly shaped input (HTTP 400). */
        MALFORMED,
        /** A well-formed branch change that does not fit the tree of its epoch (HTTP 400). */
        INVALID_TREE_CHANGE,
        TOO_LARGE, NOT_FOUND, GONE, CONFLICT, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED
    }

    private final String code;
    private final Kind kind;

    Rejection(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The rejection with this stable code (as found in a problem+json answer), if there is one. */
    public static java.util.Optional<Rejection> ofCode(String code) {
        for (Rejection r : values()) {
            if (r.code.equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
