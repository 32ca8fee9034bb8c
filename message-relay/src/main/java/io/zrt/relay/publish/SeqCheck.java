package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a group's frames collection still holds what the stream published. Compares the group's last
 * published message (seq k, digest d) with the stored frame at k whenever the relay is about to (re)publish or
 * settle a seq at or below k: a frame acknowledged by JetStream is never deleted or replaced in a healthy log,
 * so a missing or different frame at k means seqs were reused (a restore, a manual edit). Checking k alone is
 * enough for a reused suffix: a log that holds the published frame at k holds the published frames below it,
 * because the Node appends in seq order and a restore cuts a suffix.
 */
final class SeqCheck {

    private SeqCheck() {
    }

    /**
     * @param fromSeq the lowest seq about to be treated as published (the lane's next seq at load, or a frame
     *                found below it); a stream that ends below it has nothing to contradict
     * @return the conflict, or empty when the stream and the log agree
     */
    static Optional<SeqConflicts.Conflict> check(String groupId, long fromSeq,
            Optional<PublishedFrontier.Published> last, GroupHistory history) {
        if (last.isEmpty() || last.get().seq() < fromSeq) {
            return Optional.empty();
        }
        PublishedFrontier.Published published = last.get();
        List<StoredFrame> stored = history.range(groupId, published.seq(), published.seq() + 1);
        String storedDigest = stored.isEmpty() ? null : stored.get(0).digest();
        if (published.digest().equals(storedDigest)) {
            return Optional.empty();
        }
        return Optional.of(new SeqConflicts.Conflict(groupId, published.seq(), published.digest(),
                published.streamSeq(), storedDigest, Instant.now()));
    }
}
