package io.zrt.crypto.art;

/** A derived path secret (the root secret above all) does not match the published key of its node (defence in depth). */
public final class RootMismatchException extends ArtException {

    public RootMismatchException(String message) {
        super(message);
    }
}
