package io.zrt.node.trees;

/** Status of a leaf in the public tree (PROTOCOL.md section 6); only ACTIVE leaves count in weights. */
public enum LeafStatus {
    ACTIVE(1), PENDING_REMOVAL(2), BLANK(3);

    private final int wireCode;

    LeafStatus(int wireCode) {
        this.wireCode = wireCode;
    }

    int wireCode() {
        return wireCode;
    }

    static LeafStatus ofWireCode(int code) {
        for (LeafStatus s : values()) {
            if (s.wireCode == code) {
                return s;
            }
        }
        return null;
    }
}
