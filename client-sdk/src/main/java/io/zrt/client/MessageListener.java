package io.zrt.client;

/**
 * Receives a group's messages in sequence order, each exactly once, on an SDK thread (keep it short). Called for
 * frames processed by any path: live delivery, {@link GroupSession#sync()}, and this member's own sends.
 */
@FunctionalInterface
public interface MessageListener {

    void onMessage(GroupMessage message);

    /** A live-delivery problem (the SDK keeps reconnecting); the default ignores it. */
    default void onError(ZrtException error) {
    }
}
