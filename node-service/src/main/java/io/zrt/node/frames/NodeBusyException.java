package io.zrt.node.frames;

/** Too many concurrent writers on one group: the client should retry shortly (503). */
public final class NodeBusyException extends RuntimeException {

    public NodeBusyException(String message) {
        super(message);
    }
}
