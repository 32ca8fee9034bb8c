package io.zrt.crypto.art;

/** A heap index that names no node of the tree, or a tree that would grow past the depth limit. */
public final class IndexOutOfRangeException extends ArtException {

    public IndexOutOfRangeException(String message) {
        super(message);
    }
}
