package io.zrt.relay.publish;

import java.util.Optional;

/**
 * What the stream already holds for a group: its last message. JetStream, not MongoDB, is asked because it is
 * what consumers have seen, it is shared by every relay instance, and a MongoDB restore does not roll it back.
 */
public interface PublishedFrontier {

    /** The group's last published frame: its seq, the digest of its bytes, and its stream sequence. */
    record Published(long seq, String digest, long streamSeq) {
    }

    /**
     * The last message on the group's subject, empty when there is none (or it is not a relay message).
     *
     * @throws RuntimeException when the stream cannot be asked (the caller retries)
     */
    Optional<Published> lastPublished(String groupId);
}
