package io.zrt.node.trees;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.Rejection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interim canonical encoding of a public tree (until io.zrt.crypto.art provides the shared one):
 *
 * <pre>
 *   0x01 (version) ‖ LE32(node count) ‖ for each node in increasing heap index:
 *       LE32(heap index) ‖ kind (0 internal, 1 ACTIVE, 2 PENDING_REMOVAL, 3 BLANK) ‖ compressed key (32 bytes)
 * </pre>
 *
 * Decoding is strict: ascending indexes, the root present, every non-root node's parent present and
 * internal, internal nodes with both children, leaves without children, every key a valid finite point,
 * no trailing bytes. One tree therefore has exactly one encoding.
 */
public final class PublicTreeCodec {

    static final int VERSION = 1;
    static final int ENTRY_LENGTH = 4 + 1 + CortadoPoint.ENCODED_LENGTH;
    /** A bound on the node count so that a hostile length cannot make the Node allocate without limit. */
    public static final int MAX_NODES = 1 << 17;

    private PublicTreeCodec() {
    }

    public static byte[] encode(PublicTree tree) {
        Map<Integer, CortadoPoint> keys = tree.keys();
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + keys.size() * ENTRY_LENGTH);
        out.write(VERSION);
        out.writeBytes(le32(keys.size()));
        for (Map.Entry<Integer, CortadoPoint> node : keys.entrySet()) {
            out.writeBytes(le32(node.getKey()));
            out.write(tree.status(node.getKey()).map(LeafStatus::wireCode).orElse(0));
            out.writeBytes(node.getValue().encode());
        }
        return out.toByteArray();
    }

    public static PublicTree decode(byte[] encoded) throws FrameRejectedException {
        if (encoded == null || encoded.length < 5 || encoded[0] != VERSION) {
            throw invalid("public tree: bad header");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        in.get();
        int count = in.getInt();
        if (count < 1 || count > MAX_NODES || in.remaining() != (long) count * ENTRY_LENGTH) {
            throw invalid("public tree: node count does not match the length");
        }
        TreeMap<Integer, CortadoPoint> keys = new TreeMap<>();
        TreeMap<Integer, LeafStatus> statuses = new TreeMap<>();
        TreeMap<Integer, Boolean> internal = new TreeMap<>();
        int previous = 0;
        byte[] keyBytes = new byte[CortadoPoint.ENCODED_LENGTH];
        for (int i = 0; i < count; i++) {
            int index = in.getInt();
            int kind = in.get() & 0xff;
            in.get(keyBytes);
            if (index <= previous) {
                throw invalid("public tree: heap indexes must be positive and ascending");
            }
            previous = index;
            if (index > 1 && !Boolean.TRUE.equals(internal.get(index >>> 1))) {
                throw invalid("public tree: node " + index + " has no internal parent");
            }
            try {
                keys.put(index, CortadoPoint.decode(keyBytes));
            } catch (InvalidEncodingException e) {
                throw invalid("public tree: key of node " + index + " is not a valid point");
            }
            if (kind == 0) {
                internal.put(index, true);
            } else {
                LeafStatus status = LeafStatus.ofWireCode(kind);
                if (status == null) {
                    throw invalid("public tree: unknown node kind " + kind);
                }
                statuses.put(index, status);
                internal.put(index, false);
            }
        }
        if (!keys.containsKey(1)) {
            throw invalid("public tree: no root");
        }
        for (Map.Entry<Integer, Boolean> node : internal.entrySet()) {
            int index = node.getKey();
            if (node.getValue() && (!keys.containsKey(2 * index) || !keys.containsKey(2 * index + 1))) {
                throw invalid("public tree: internal node " + index + " lacks a child");
            }
        }
        return new PublicTree(keys, statuses);
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static FrameRejectedException invalid(String message) {
        return new FrameRejectedException(Rejection.INVALID_FIELD, message);
    }
}
