package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One group's ordering state in {@link OrderedRelay}. Touched only on its loop thread. */
final class Lane {

    /** Published (seq, digest) pairs remembered per group: the last few acks and the stream's last message. */
    private static final int KNOWN = 16;

    final String groupId;
    long nextSeq = -1; // unknown until loaded
    boolean inFlight;
    boolean lookupRunning;
    /** A seq conflict stopped the group; frames offered meanwhile are let go (they stay unrelayed). */
    boolean halted;
    long checkedAtNanos;
    int failures;
    int gapAttempts;
    final TreeMap<Long, Waiting> pending = new TreeMap<>();
    /** Unrelayed frames below {@link #nextSeq} whose seq is not in {@link #known}: checked before any publish. */
    final List<Waiting> suspects = new ArrayList<>();
    final Map<Long, PublishedFrontier.Published> known = new LinkedHashMap<>(KNOWN * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PublishedFrontier.Published> eldest) {
            return size() > KNOWN;
        }
    };

    Lane(String groupId) {
        this.groupId = groupId;
    }

    void remember(PublishedFrontier.Published published) {
        known.remove(published.seq());
        known.put(published.seq(), published);
    }

    boolean idle() {
        return pending.isEmpty() && suspects.isEmpty() && !inFlight && !lookupRunning && !halted;
    }

    /** A frame waiting for its turn, with everybody who offered it. */
    static final class Waiting {
        final StoredFrame frame;
        final List<Runnable> callbacks = new ArrayList<>(1);

        Waiting(StoredFrame frame) {
            this.frame = frame;
        }
    }
}
