package io.zrt.crypto.art;

/** A leaf secret whose public key is not the key stored at that leaf. */
public final class LeafKeyMismatchException extends ArtException {

    public LeafKeyMismatchException(String message) {
        super(message);
    }
}
