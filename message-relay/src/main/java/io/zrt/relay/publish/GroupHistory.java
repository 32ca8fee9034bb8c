package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;
import java.util.List;

/** What the ordering logic needs to read about a group's stored frames. */
public interface GroupHistory {

    /**
     * The seq to publish next: one past the highest relayed seq, 0 when none is relayed. Everything below a
     * relayed frame has been acknowledged, because a frame is published only after its predecessor was.
     */
    long nextToRelay(String groupId);

    /** The readable, well-formed frames with {@code fromSeq <= seq < toSeq}, in seq order. */
    List<StoredFrame> range(String groupId, long fromSeq, long toSeq);
}
