package io.zrt.node.frames;

import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.Rejection;

/** A 409 that also tells where the group stands, so that the client can catch up and retry. */
public final class GroupConflictException extends FrameRejectedException {

    private final long currentEpoch;
    private final long lastSeq;

    public GroupConflictException(Rejection rejection, String message, long currentEpoch, long lastSeq) {
        super(rejection, message);
        this.currentEpoch = currentEpoch;
        this.lastSeq = lastSeq;
    }

    public long currentEpoch() {
        return currentEpoch;
    }

    public long lastSeq() {
        return lastSeq;
    }
}
