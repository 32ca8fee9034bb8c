package io.zrt.crypto.art;

import io.zrt.crypto.CryptoException;

/**
 * Root of every rejection raised by the ratchet tree: malformed bytes, a branch change that does not fit the
 * tree, or a derivation that fails its consistency check. A rejected operation never changes any tree or view.
 */
public abstract sealed class ArtException extends CryptoException
        permits ArtEncodingException, WrongPathLengthException, IndexOutOfRangeException,
        TargetNotLeafException, WrongLeafStatusException, RootMismatchException, LeafKeyMismatchException,
        PlacementMismatchException, OwnerLeafException, DegenerateKeyException, NotAMemberException,
        NotOwnerException, PathSecretRangeException {

    protected ArtException(String message) {
        super(message);
    }

    protected ArtException(String message, Throwable cause) {
        super(message, cause);
    }
}
