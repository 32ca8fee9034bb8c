package io.zrt.crypto.art;

/** An operation on a leaf whose status does not allow it (for example a key update of a BLANK leaf). */
public final class WrongLeafStatusException extends ArtException {

    public WrongLeafStatusException(String message) {
        super(message);
    }
}
