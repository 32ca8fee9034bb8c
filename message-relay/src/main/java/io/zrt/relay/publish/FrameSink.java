package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;

/** Takes frames read from MongoDB (change stream or scan) for relaying. */
public interface FrameSink {

    /**
     * Hands over {@code frame}; {@code onDone} runs exactly once, when the frame has been acknowledged by
     * JetStream and marked relayed, or found to be relayed already. It does not run if the sink is closed first.
     */
    void offer(StoredFrame frame, Runnable onDone);
}
