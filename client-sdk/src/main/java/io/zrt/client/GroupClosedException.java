package io.zrt.client;

/** The session can no longer act in its group: this member was removed or left, or the group was dropped. */
public final class GroupClosedException extends ZrtException {

    public GroupClosedException(String message) {
        super(message);
    }
}
