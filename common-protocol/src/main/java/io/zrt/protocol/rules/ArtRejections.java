package io.zrt.protocol.rules;

import io.zrt.crypto.art.ArtEncodingException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.DegenerateKeyException;
import io.zrt.crypto.art.IndexOutOfRangeException;
import io.zrt.crypto.art.LeafKeyMismatchException;
import io.zrt.crypto.art.NotAMemberException;
import io.zrt.crypto.art.NotOwnerException;
import io.zrt.crypto.art.OwnerLeafException;
import io.zrt.crypto.art.PathSecretRangeException;
import io.zrt.crypto.art.PlacementMismatchException;
import io.zrt.crypto.art.RootMismatchException;
import io.zrt.crypto.art.TargetNotLeafException;
import io.zrt.crypto.art.WrongLeafStatusException;
import io.zrt.crypto.art.WrongPathLengthException;

/**
 * Turns every typed ART rejection into the {@link Rejection} with its stable code, so that the Node and the
 * SDK report a branch change that does not fit the tree in the same words. Every permitted subclass of the
 * sealed {@link ArtException} has its own code (a test enumerates them).
 */
public final class ArtRejections {

    private ArtRejections() {
    }

    /** The rejection for an ART failure; the ART message (never secret) becomes the detail. */
    public static FrameRejectedException of(ArtException e) {
        return new FrameRejectedException(rejectionOf(e), e.getMessage(), e);
    }

    /** The code-carrying rejection for an ART failure. */
    public static Rejection rejectionOf(ArtException e) {
        // Java 17 has no pattern switch; the chain is kept in the order of ArtException's permits clause.
        if (e instanceof ArtEncodingException) {
            return Rejection.INVALID_PUBLIC_TREE;
        } else if (e instanceof WrongPathLengthException) {
            return Rejection.WRONG_PATH_LENGTH;
        } else if (e instanceof IndexOutOfRangeException) {
            return Rejection.INDEX_OUT_OF_RANGE;
        } else if (e instanceof TargetNotLeafException) {
            return Rejection.TARGET_NOT_LEAF;
        } else if (e instanceof WrongLeafStatusException) {
            return Rejection.WRONG_LEAF_STATUS;
        } else if (e instanceof RootMismatchException) {
            return Rejection.ROOT_MISMATCH;
        } else if (e instanceof LeafKeyMismatchException) {
            return Rejection.LEAF_KEY_MISMATCH;
        } else if (e instanceof PlacementMismatchException) {
            return Rejection.PLACEMENT_MISMATCH;
        } else if (e instanceof OwnerLeafException) {
            return Rejection.OWNER_LEAF_PROTECTED;
        } else if (e instanceof DegenerateKeyException) {
            return Rejection.DEGENERATE_KEY;
        } else if (e instanceof NotAMemberException) {
            return Rejection.NOT_A_MEMBER;
        } else if (e instanceof NotOwnerException) {
            return Rejection.NOT_OWNER;
        } else if (e instanceof PathSecretRangeException) {
            return Rejection.PATH_SECRET_RANGE;
        }
        // Only reachable if common-crypto adds a subclass before this table is extended (a test enumerates the
        // permitted subclasses); the generic code keeps such a refusal a 400 rather than a server error.
        return Rejection.INVALID_TREE_CHANGE;
    }
}
