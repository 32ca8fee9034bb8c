package io.zrt.node.storage;

/**
 * The {@code groups} document: where a group stands after the log entry {@code lastSeq}. Rebuildable from
 * the frame log at any time; {@code version} makes updates compare-and-set.
 *
 * @param status   {@code ACTIVE} or {@code DROPPED}
 * @param ownerKey the owner identity key from the init frame (compressed point)
 * @param tree     the current public tree, encoded
 */
public record GroupSnapshot(String groupId, long epoch, long lastSeq, String status, byte[] ownerKey, byte[] tree,
        long version) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DROPPED = "DROPPED";

    public boolean dropped() {
        return DROPPED.equals(status);
    }
}
