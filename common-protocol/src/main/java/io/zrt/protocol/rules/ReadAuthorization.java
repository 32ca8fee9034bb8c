package io.zrt.protocol.rules;

import io.zrt.crypto.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The digest a reader signs to prove membership (PROTOCOL.md section 10):
 * SHA3-256(label ‖ group_id (16 bytes) ‖ challenge (16 bytes) ‖ LE64(epoch) ‖ request parameters).
 * Each purpose has its own label and fixed-length parameter encoding, so that a proof made for one request
 * cannot be presented for another. Signed with the tree key of {@code epoch} (for the tree also a leaf key).
 */
public final class ReadAuthorization {

    public static final int CHALLENGE_LENGTH = 16;

    /** What a read proof is for, with its domain-separation label. */
    public enum Purpose {
        /** Parameters: LE64(fromSeq) ‖ LE32(limit). */
        READ_FRAMES("zrt/v1/read-frames"),
        /** Parameters: LE32(prover node): 1 for a tree-key proof, else the heap index of the prover's leaf. */
        READ_TREE("zrt/v1/read-tree"),
        /** Parameters: none. */
        PUSH_TOKEN("zrt/v1/push-token"),
        /** Parameters: none. */
        READ_STATUS("zrt/v1/read-status");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private ReadAuthorization() {
    }

    public static byte[] framesDigest(GroupId group, byte[] challenge, long epoch, long fromSeq, int limit) {
        return digest(Purpose.READ_FRAMES, group, challenge, epoch, le(12).putLong(fromSeq).putInt(limit).array());
    }

    public static byte[] treeDigest(GroupId group, byte[] challenge, long epoch, int proverNode) {
        return digest(Purpose.READ_TREE, group, challenge, epoch, le(4).putInt(proverNode).array());
    }

    public static byte[] pushTokenDigest(GroupId group, byte[] challenge, long epoch) {
        return digest(Purpose.PUSH_TOKEN, group, challenge, epoch, new byte[0]);
    }

    public static byte[] statusDigest(GroupId group, byte[] challenge, long epoch) {
        return digest(Purpose.READ_STATUS, group, challenge, epoch, new byte[0]);
    }

    static byte[] digest(Purpose purpose, GroupId group, byte[] challenge, long epoch, byte[] parameters) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("challenge must be 16 bytes");
        }
        return Hashing.labeledDigest(purpose.label(), group.toBytes(), challenge, le(8).putLong(epoch).array(),
                parameters);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
