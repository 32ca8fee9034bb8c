package io.zrt.relay.publish;

import io.zrt.relay.health.RelayMetrics;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups whose publishing is halted because the frames collection holds something else at a seq that JetStream
 * has already published (a reused seq, e.g. after a MongoDB restore). Kept per process across leadership terms;
 * a halt is re-derived from JetStream and MongoDB after a restart, and lifted as soon as they agree again.
 */
public final class SeqConflicts {

    private static final Logger log = LoggerFactory.getLogger(SeqConflicts.class);

    /**
     * The stream holds {@code publishedDigest} at {@code seq} (message {@code streamSeq}); the frames collection
     * holds {@code storedDigest} there, or nothing ({@code null}).
     */
    public record Conflict(String groupId, long seq, String publishedDigest, long streamSeq, String storedDigest,
            Instant detectedAt) {

        public String describe() {
            return "seq " + seq + " was published as digest " + publishedDigest + " (stream message " + streamSeq
                    + ") but the frames collection holds " + (storedDigest == null ? "no frame" : "digest "
                    + storedDigest) + " there";
        }
    }

    private final Map<String, Conflict> halted = new ConcurrentHashMap<>();
    private final RelayMetrics metrics;

    public SeqConflicts(RelayMetrics metrics) {
        this.metrics = metrics;
        metrics.registerHaltedGroups(halted::size);
    }

    /** Halts the group; counted and logged once per halt, not per re-check that finds the same state. */
    void halt(Conflict conflict) {
        if (halted.putIfAbsent(conflict.groupId(), conflict) == null) {
            metrics.seqConflict();
            log.error("SEQ CONFLICT in group {}: {}. Publishing of this group is halted (other groups continue); "
                    + "nothing more of it reaches JetStream until the stream and the frames collection agree again. "
                    + "See docs/operations.md, 'Seq conflicts'.", conflict.groupId(), conflict.describe());
        }
    }

    /** Lifts a halt after a check found the stream and the frames collection in agreement. */
    void resume(String groupId) {
        if (halted.remove(groupId) != null) {
            log.warn("group {} resumes publishing: the stream and the frames collection agree again", groupId);
        }
    }

    public boolean isHalted(String groupId) {
        return halted.containsKey(groupId);
    }

    /** Halted groups by group id, sorted. */
    public Map<String, Conflict> halted() {
        return new TreeMap<>(halted);
    }
}
