package io.zrt.crypto.art;

/** Bytes that are not the canonical encoding of a public tree or a branch change (including invalid points). */
public final class ArtEncodingException extends ArtException {

    public ArtEncodingException(String message) {
        super(message);
    }

    public ArtEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
