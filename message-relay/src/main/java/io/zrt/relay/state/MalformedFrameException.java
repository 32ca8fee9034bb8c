package io.zrt.relay.state;

/** A {@code frames} document that does not follow the contract with the Node. */
public class MalformedFrameException extends Exception {
    public MalformedFrameException(String message) {
        super(message);
    }
}
