package io.zrt.client.engine;

import io.zrt.crypto.art.ArtEncodingException;
import io.zrt.crypto.art.PublicTree;

/** The public-tree encoding spoken with the Node: the ART library's canonical encoding (docs/art.md). */
public enum TreeWire {
    ART;

    public byte[] encode(PublicTree tree) {
        return tree.encode();
    }

    /** Strict decoding. */
    public static PublicTree decodeAny(byte[] bytes) throws ArtEncodingException {
        return PublicTree.decode(bytes);
    }
}
