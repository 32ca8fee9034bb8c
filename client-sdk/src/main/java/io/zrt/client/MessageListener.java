package io.zrt.client;

/**
 * Receives a group's messages in sequence order, each exactly once, and the session's typed events (membership,
 * status, own operations landed or discarded) in the order they happened. Called for frames processed by any
 * path — live delivery, {@link GroupSession#sync()}, this member's own sends — always on the SDK's executor,
 * never on the thread that processed the frame and never under the session's lock: calls for one session come
 * one at a time, in order; keep them short (a slow listener delays that session's later deliveries).
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(GroupMessage message);

    /** A typed event of the session, after the messages of the same frame; the default ignores it. */
    default void onEvent(GroupEvent event) {
    }

    /** A live-delivery problem (the SDK keeps reconnecting); the default ignores it. */
    default void onError(ZrtException error) {
    }
}
