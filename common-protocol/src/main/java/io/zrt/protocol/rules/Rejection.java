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
    /** A branch change that does not fit the tree: wrong target, wrong path length, wrong leaf status. */
    INVALID_TREE_CHANGE("invalid_tree_change", Kind.MALFORMED),
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
    /** A read challenge that is unknown, already used or expired. */
    INVALID_CHALLENGE("invalid_challenge", Kind.UNAUTHENTICATED),
    /** A proof that verifies, but by a key that the eligibility table does not allow for this operation. */
    NOT_ELIGIBLE("not_eligible", Kind.FORBIDDEN);

    /** Classes of failure, independent of the transport. */
    public enum Kind { MALFORMED, TOO_LARGE, NOT_FOUND, GONE, CONFLICT, UNAUTHENTICATED, FORBIDDEN }

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
}
