package io.zrt.crypto.art;

/** An operation that would remove or blank the owner's (leftmost) leaf. */
public final class OwnerLeafException extends ArtException {

    public OwnerLeafException(String message) {
        super(message);
    }
}
