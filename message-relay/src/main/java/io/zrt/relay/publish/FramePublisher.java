package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;
import java.util.concurrent.CompletableFuture;

/** Publishes one frame and completes when the broker has acknowledged (or refused) it. */
public interface FramePublisher {

    /** Result of an acknowledged publish. */
    record Ack(long streamSeq, boolean duplicate) {
    }

    /**
     * Starts publishing {@code frame}; the future completes with the acknowledgement, or exceptionally when no
     * acknowledgement came within the publish timeout or the broker refused it. Publishing the same frame
     * again is safe: the broker drops it as a duplicate.
     */
    CompletableFuture<Ack> publish(StoredFrame frame);
}
