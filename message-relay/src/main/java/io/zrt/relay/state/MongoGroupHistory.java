package io.zrt.relay.state;

import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.GroupHistory;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link GroupHistory} on the {@code frames} collection. Malformed documents are reported and left out. */
public class MongoGroupHistory implements GroupHistory {

    private static final Logger log = LoggerFactory.getLogger(MongoGroupHistory.class);

    private final FrameStore store;
    private final RelayMetrics metrics;

    public MongoGroupHistory(FrameStore store, RelayMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public long nextToRelay(String groupId) {
        return store.lastRelayedSeq(groupId).orElse(-1) + 1;
    }

    @Override
    public List<StoredFrame> range(String groupId, long fromSeq, long toSeq) {
        List<StoredFrame> frames = new ArrayList<>();
        for (Document document : store.range(groupId, fromSeq, toSeq)) {
            try {
                frames.add(StoredFrame.fromDocument(document));
            } catch (MalformedFrameException e) {
                // Never skipped over: the group waits (and lags) until the document is repaired.
                metrics.error("malformed");
                log.error("malformed frame document in group {}: {}", groupId, e.getMessage());
            }
        }
        return frames;
    }
}
