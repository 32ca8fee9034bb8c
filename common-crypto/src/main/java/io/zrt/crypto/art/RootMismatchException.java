package io.zrt.crypto.art;

/** The root secret derived from a branch change does not match the published root key (defence in depth). */
public final class RootMismatchException extends ArtException {

    public RootMismatchException(String message) {
        super(message);
    }
}
