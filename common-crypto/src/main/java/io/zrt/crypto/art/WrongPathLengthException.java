package io.zrt.crypto.art;

/** A branch change whose number of path keys is not the target's depth plus one. */
public final class WrongPathLengthException extends ArtException {

    public WrongPathLengthException(String message) {
        super(message);
    }
}
