package io.zrt.crypto.art;

/** An add whose target is not the leaf the placement rule selects. */
public final class PlacementMismatchException extends ArtException {

    public PlacementMismatchException(String message) {
        super(message);
    }
}
