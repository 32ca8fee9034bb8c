package io.zrt.crypto.art;

/** The group operations that publish a branch change, with the leaf status each one leaves behind. */
public enum BranchChangeType {
    KEY_UPDATE(1, LeafStatus.ACTIVE, false),
    ADD_MEMBER(2, LeafStatus.ACTIVE, false),
    REMOVE_MEMBER(3, LeafStatus.BLANK, false),
    /** Additive: the published keys are contributions added to the current path keys (PROTOCOL 6.1). */
    FINALIZE_REMOVAL(4, LeafStatus.BLANK, true),
    LEAVE(5, LeafStatus.PENDING_REMOVAL, false);

    private final int wireCode;
    private final LeafStatus resultingStatus;
    private final boolean additive;

    BranchChangeType(int wireCode, LeafStatus resultingStatus, boolean additive) {
        this.wireCode = wireCode;
        this.resultingStatus = resultingStatus;
        this.additive = additive;
    }

    /** Status of the target leaf after the operation. */
    public LeafStatus resultingStatus() {
        return resultingStatus;
    }

    /** True if the published keys are added to the existing path keys instead of replacing them. */
    public boolean isAdditive() {
        return additive;
    }

    int wireCode() {
        return wireCode;
    }

    static BranchChangeType fromWireCode(int code) {
        for (BranchChangeType type : values()) {
            if (type.wireCode == code) {
                return type;
            }
        }
        return null;
    }
}
