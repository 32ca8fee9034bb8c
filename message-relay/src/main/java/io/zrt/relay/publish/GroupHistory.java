package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;
import java.util.List;

/** What the ordering logic needs to read about a group's stored frames. */
public interface GroupHistory {

    /** The seq to publish next: the lowest unrelayed seq, else one past the last stored seq (0 for none). */
    long nextToRelay(String groupId);

    /** The readable, well-formed frames with {@code fromSeq <= seq < toSeq}, in seq order. */
    List<StoredFrame> range(String groupId, long fromSeq, long toSeq);
}
