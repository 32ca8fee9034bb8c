package io.zrt.client.internal;

import io.zrt.crypto.art.ArtEncodingException;
import io.zrt.crypto.art.PublicTree;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The public-tree encoding spoken with the Node ({@code InitGroup.public_tree}, {@code EpochTree}). The target
 * is the ART library's canonical encoding. Until node-service switches to it, the Node speaks its interim
 * encoding ({@code 0x01 ‖ LE32 n ‖ n × (LE32 heap index ‖ tag ‖ key)}, docs/node-service.md), which lists the
 * same (tag, key) entries in the same increasing heap order; both directions are converted here and decoding
 * stays strict, because the ART decoder judges the converted bytes.
 */
public enum TreeWire {
    ART,
    /** The Node's interim encoding (to be removed once the Node uses the ART encoding). */
    NODE_INTERIM;

    private static final int ENTRY = 33;
    private static final int INTERIM_ENTRY = 4 + ENTRY;

    public byte[] encode(PublicTree tree) {
        byte[] art = tree.encode();
        if (this == ART) {
            return art;
        }
        var nodes = tree.nodes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + nodes.size() * INTERIM_ENTRY);
        out.write(1);
        out.writeBytes(le32(nodes.size()));
        for (int i = 0; i < nodes.size(); i++) {
            out.writeBytes(le32((int) nodes.get(i).index()));
            out.write(art, 1 + i * ENTRY, ENTRY);
        }
        return out.toByteArray();
    }

    /** Strict decoding in this encoding. */
    public PublicTree decode(byte[] bytes) throws ArtEncodingException {
        if (this == ART) {
            return PublicTree.decode(bytes);
        }
        if (bytes == null || bytes.length < 5 || bytes[0] != 1) {
            throw new ArtEncodingException("interim tree: bad header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        in.get();
        int count = in.getInt();
        if (count < 1 || (long) count * INTERIM_ENTRY != in.remaining()) {
            throw new ArtEncodingException("interim tree: length does not match the node count");
        }
        byte[] art = new byte[1 + count * ENTRY];
        art[0] = 1;
        for (int i = 0; i < count; i++) {
            in.getInt(); // heap index: implied by the order, checked below by comparing the re-encoding
            in.get(art, 1 + i * ENTRY, ENTRY);
        }
        PublicTree tree = PublicTree.decode(art);
        if (!java.util.Arrays.equals(encode(tree), bytes)) {
            throw new ArtEncodingException("interim tree: heap indices do not match the tree shape");
        }
        return tree;
    }

    /** Decodes whichever of the two encodings the bytes are in (ART first). */
    public static PublicTree decodeAny(byte[] bytes) throws ArtEncodingException {
        try {
            return ART.decode(bytes);
        } catch (ArtEncodingException notArt) {
            try {
                return NODE_INTERIM.decode(bytes);
            } catch (ArtEncodingException notInterim) {
                throw notArt;
            }
        }
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
