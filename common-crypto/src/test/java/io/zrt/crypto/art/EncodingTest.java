package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two canonical encodings: round trips and each kind of malformed input. */
class EncodingTest {

    private static final byte[] INFINITY = new byte[32];
    private static final byte[] NOT_ON_CURVE = new byte[32];

    static {
        INFINITY[31] = 0x40;
        NOT_ON_CURVE[0] = 1; // x = 1 and beyond: search below for an x without a square root
    }

    private final SecureRandom random = new SecureRandom();

    @Test
    void treeRoundTripAndLayout() throws Exception {
        MemberView owner = MemberView.createGroup(PathMath.freshSecret(random),
                List.of(PathMath.freshSecret(random), PathMath.freshSecret(random)));
        PublicTree tree = owner.publicTree();
        byte[] encoded = tree.encode();
        // version + 5 nodes (1, 2, 3, 4, 5) of 33 bytes
        assertThat(encoded).hasSize(1 + 5 * 33);
        assertThat(encoded[0]).isEqualTo((byte) 1);
        assertThat(encoded[1]).isEqualTo((byte) 0); // root internal
        assertThat(encoded[1 + 33]).isEqualTo((byte) 0); // node 2 internal (owner extended)
        assertThat(encoded[1 + 2 * 33]).isEqualTo((byte) 1); // node 3 ACTIVE leaf
        assertThat(Arrays.copyOfRange(encoded, 2, 34)).isEqualTo(tree.rootKey().encode());
        PublicTree decoded = PublicTree.decode(encoded);
        assertThat(decoded).isEqualTo(tree);
        assertThat(decoded.encode()).isEqualTo(encoded);
        assertThat(decoded.weight(2)).isEqualTo(2);
        assertThat(decoded.weight(1)).isEqualTo(3);
        assertThat(decoded.ownerLeafIndex()).isEqualTo(4);
        assertThat(decoded.ownerLeafKey()).isEqualTo(Cortado.multiplyGenerator(owner.leafSecret()));
    }

    @Test
    void malformedTrees() throws Exception {
        byte[] leaf = entry(1, Cortado.G.encode());
        byte[] internal = entry(0, Cortado.H.encode());
        assertRejected((byte[]) null);
        assertRejected(new byte[0]);
        assertRejected(new byte[] {1});
        assertRejected(concat(new byte[] {2}, leaf)); // unknown version
        assertRejected(concat(new byte[] {1}, entry(9, Cortado.G.encode()))); // unknown tag
        assertRejected(concat(new byte[] {1}, leaf, leaf, leaf)); // trailing entries after a complete tree
        assertRejected(concat(new byte[] {1}, internal, leaf)); // internal node with one child
        assertRejected(concat(new byte[] {1}, internal, leaf, leaf, leaf, leaf)); // trailing
        assertRejected(concat(new byte[] {1}, internal, internal, leaf)); // ends early
        assertRejected(concat(new byte[] {1}, internal, leaf, leaf, new byte[] {0})); // partial entry
        assertRejected(concat(new byte[] {1}, entry(1, INFINITY)));
        assertRejected(concat(new byte[] {1}, entry(1, nonPoint())));
        assertRejected(concat(new byte[] {1}, entry(3, Cortado.G.encode()))); // owner leaf BLANK
        assertRejected(concat(new byte[] {1}, internal, entry(2, Cortado.G.encode()), leaf)); // owner PENDING
        byte[] nonCanonical = Cortado.G.encode();
        nonCanonical[31] |= 0x20; // unused bit
        assertRejected(concat(new byte[] {1}, entry(1, nonCanonical)));
        // The smallest valid trees decode.
        assertThat(PublicTree.decode(concat(new byte[] {1}, leaf)).leafCount()).isEqualTo(1);
        assertThat(PublicTree.decode(concat(new byte[] {1}, internal, leaf, entry(3, Cortado.G.encode())))
                .activeMemberCount()).isEqualTo(1);
    }

    @Test
    void treeDeeperThanTheLimitIsRejected() throws Exception {
        // A left spine of internal nodes with a leaf hanging right at each level.
        assertThat(PublicTree.decode(spine(HeapIndex.MAX_DEPTH)).height()).isEqualTo(HeapIndex.MAX_DEPTH);
        assertThatThrownBy(() -> PublicTree.decode(spine(HeapIndex.MAX_DEPTH + 1)))
                .isInstanceOf(ArtEncodingException.class);
        assertThat(PublicTree.decode(spine(HeapIndex.MAX_DEPTH)).ownerLeafIndex())
                .isEqualTo(1L << HeapIndex.MAX_DEPTH);
    }

    @Test
    void placementThatWouldPassTheDepthLimitIsRefused() throws Exception {
        // Owner leaf at 2 (weight 1); at 3 a weight-0 left spine of PENDING_REMOVAL leaves down to depth 62.
        // The placement rule goes right at the root (0 < 1) and then left on every tie, to depth 62.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.writeBytes(entry(0, Cortado.G.encode()));
        out.writeBytes(entry(1, Cortado.G.encode()));
        out.writeBytes(entry(0, Cortado.H.encode()));
        for (int level = 2; level <= HeapIndex.MAX_DEPTH; level++) {
            out.writeBytes(entry(level == HeapIndex.MAX_DEPTH ? 2 : 0, Cortado.H.encode()));
            out.writeBytes(entry(2, Cortado.G.encode()));
        }
        PublicTree tree = PublicTree.decode(out.toByteArray());
        assertThat(tree.activeMemberCount()).isEqualTo(1);
        assertThatThrownBy(tree::placementTarget).isInstanceOf(IndexOutOfRangeException.class);
    }

    @Test
    void branchChangeRoundTripAndMalformedInput() throws Exception {
        List<CortadoPoint> keys = List.of(Cortado.G, Cortado.H, Cortado.G.add(Cortado.H));
        BranchChange change = new BranchChange(BranchChangeType.FINALIZE_REMOVAL, 6, keys);
        byte[] encoded = change.encode();
        assertThat(encoded).hasSize(11 + 3 * 32);
        assertThat(BranchChange.decode(encoded)).isEqualTo(change);

        assertRejectedChange(null);
        assertRejectedChange(Arrays.copyOf(encoded, encoded.length - 1));
        assertRejectedChange(Arrays.copyOf(encoded, encoded.length + 1));
        assertRejectedChange(withByte(encoded, 0, 2)); // version
        assertRejectedChange(withByte(encoded, 1, 0)); // type
        assertRejectedChange(withByte(encoded, 1, 6));
        assertRejectedChange(withByte(encoded, 2, 0)); // target 0
        assertRejectedChange(withByte(encoded, 2, 8)); // target 8: depth 3 needs 4 keys
        assertRejectedChange(withByte(encoded, 9, 0x80)); // negative target
        assertRejectedChange(withByte(encoded, 10, 2)); // count disagrees with target
        byte[] infinity = encoded.clone();
        System.arraycopy(INFINITY, 0, infinity, 11 + 32, 32);
        assertRejectedChange(infinity);
        byte[] offCurve = encoded.clone();
        System.arraycopy(nonPoint(), 0, offCurve, 11, 32);
        assertRejectedChange(offCurve);

        assertThatThrownBy(() -> new BranchChange(BranchChangeType.KEY_UPDATE, 0, keys))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BranchChange(BranchChangeType.KEY_UPDATE, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] spine(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        // Level order: internal root; then at each level the left child (internal, or the owner leaf at the
        // bottom) and the right child (a leaf).
        out.writeBytes(entry(depth == 0 ? 1 : 0, Cortado.G.encode()));
        for (int level = 1; level <= depth; level++) {
            out.writeBytes(entry(level == depth ? 1 : 0, Cortado.G.encode()));
            out.writeBytes(entry(1, Cortado.H.encode()));
        }
        return out.toByteArray();
    }

    static byte[] entry(int tag, byte[] key) {
        byte[] out = new byte[33];
        out[0] = (byte) tag;
        System.arraycopy(key, 0, out, 1, 32);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An x-coordinate with no point on the curve. */
    static byte[] nonPoint() {
        for (int x = 1; ; x++) {
            byte[] candidate = Scalar.of(x).toBytes();
            try {
                CortadoPoint.decode(candidate);
            } catch (io.zrt.crypto.InvalidEncodingException e) {
                return candidate;
            }
        }
    }

    private static byte[] withByte(byte[] bytes, int index, int value) {
        byte[] copy = bytes.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static void assertRejected(byte[] bytes) {
        assertThatThrownBy(() -> PublicTree.decode(bytes)).isInstanceOf(ArtEncodingException.class);
    }

    private static void assertRejectedChange(byte[] bytes) {
        assertThatThrownBy(() -> BranchChange.decode(bytes)).isInstanceOf(ArtEncodingException.class);
    }

    static List<byte[]> sampleTrees(SecureRandom random, int count) throws ArtException {
        List<byte[]> out = new ArrayList<>();
        MemberView owner = MemberView.createGroup(PathMath.freshSecret(random));
        out.add(owner.publicTree().encode());
        while (out.size() < count) {
            owner = owner.addMember(PathMath.freshSecret(random)).view();
            out.add(owner.publicTree().encode());
        }
        return out;
    }
}
