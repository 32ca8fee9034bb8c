package io.zrt.protocol.rules;

import java.util.Objects;

/**
 * A frame, or a request about a group, that a rule refuses. Checked, so that no caller can forget to turn
 * it into a precise answer; the message is safe to show to the client (it never contains secrets).
 */
public class FrameRejectedException extends Exception {

    private final Rejection rejection;

    public FrameRejectedException(Rejection rejection, String message) {
        super(message);
        this.rejection = Objects.requireNonNull(rejection);
    }

    public FrameRejectedException(Rejection rejection, String message, Throwable cause) {
        super(message, cause);
        this.rejection = Objects.requireNonNull(rejection);
    }

    public Rejection rejection() {
        return rejection;
    }
}
