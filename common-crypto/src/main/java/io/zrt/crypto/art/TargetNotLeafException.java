package io.zrt.crypto.art;

/** A branch change or query aimed at an internal node where a leaf is required. */
public final class TargetNotLeafException extends ArtException {

    public TargetNotLeafException(String message) {
        super(message);
    }
}
