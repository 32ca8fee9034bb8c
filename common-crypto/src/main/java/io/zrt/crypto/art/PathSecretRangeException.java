package io.zrt.crypto.art;

/** A given leaf secret whose ratchet path leaves [1, 2^252); the caller must choose another leaf secret. */
public final class PathSecretRangeException extends ArtException {

    public PathSecretRangeException(String message) {
        super(message);
    }
}
