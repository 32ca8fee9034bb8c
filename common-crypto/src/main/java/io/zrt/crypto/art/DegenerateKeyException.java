package io.zrt.crypto.art;

/** A derivation that hit the point at infinity or an x-coordinate of zero; the operation is aborted. */
public final class DegenerateKeyException extends ArtException {

    public DegenerateKeyException(String message) {
        super(message);
    }
}
