package io.zrt.crypto.art;

/** An owner-only operation (add, remove) requested by a member that does not hold the leftmost leaf. */
public final class NotOwnerException extends ArtException {

    public NotOwnerException(String message) {
        super(message);
    }
}
