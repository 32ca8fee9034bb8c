package io.zrt.crypto.art;

/** This view's member no longer holds a leaf secret of the tree (it was removed or its leaf replaced). */
public final class NotAMemberException extends ArtException {

    public NotAMemberException(String message) {
        super(message);
    }
}
