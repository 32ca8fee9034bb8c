package io.zrt.protocol.rules;

import io.zrt.protocol.ArtProof;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.InitGroup;
import java.util.Optional;

/**
 * A frame that passed {@link FrameParser}: every field has the right shape, and the exact bytes that were
 * received are kept so that digests are computed over what was sent, never over a re-serialization.
 */
public final class ParsedFrame {

    private final byte[] frameBytes;
    private final Frame frame;
    private final FrameTBS tbs;
    private final GroupId groupId;
    private final OperationKind kind;
    private final ArtProof artProof;

    ParsedFrame(byte[] frameBytes, Frame frame, FrameTBS tbs, GroupId groupId, OperationKind kind,
            ArtProof artProof) {
        this.frameBytes = frameBytes;
        this.frame = frame;
        this.tbs = tbs;
        this.groupId = groupId;
        this.kind = kind;
        this.artProof = artProof;
    }

    /** The serialized Frame exactly as received. */
    public byte[] frameBytes() {
        return frameBytes.clone();
    }

    public Frame frame() {
        return frame;
    }

    /** The FrameTBS bytes exactly as sent (what ad is computed over). */
    public byte[] tbsBytes() {
        return frame.getTbs().toByteArray();
    }

    public FrameTBS tbs() {
        return tbs;
    }

    public GroupId groupId() {
        return groupId;
    }

    public long epoch() {
        return tbs.getEpoch();
    }

    public byte[] nonce() {
        return tbs.getNonce().toByteArray();
    }

    public OperationKind kind() {
        return kind;
    }

    /** The proof of a group operation; empty for plain frames. */
    public Optional<ArtProof> artProof() {
        return Optional.ofNullable(artProof);
    }

    /** The Schnorr signature or proof of knowledge to check: the eligibility part, or a plain frame's proof. */
    public byte[] signature() {
        return artProof != null ? artProof.getEligibility().toByteArray() : frame.getProof().toByteArray();
    }

    /** The branch change of add, remove, finalize, key update and leave; empty otherwise. */
    public Optional<BranchChange> branchChange() {
        return branchOf(kind, tbs.getGroupOperation());
    }

    static Optional<BranchChange> branchOf(OperationKind kind, io.zrt.protocol.GroupOperation op) {
        return switch (kind) {
            case ADD_MEMBER -> Optional.of(op.getAddMember());
            case REMOVE_MEMBER -> Optional.of(op.getRemoveMember());
            case FINALIZE_REMOVAL -> Optional.of(op.getFinalizeRemoval());
            case KEY_UPDATE -> Optional.of(op.getKeyUpdate());
            case LEAVE_GROUP -> Optional.of(op.getLeaveGroup());
            default -> Optional.empty();
        };
    }

    public Optional<InitGroup> init() {
        return kind == OperationKind.INIT ? Optional.of(tbs.getGroupOperation().getInit()) : Optional.empty();
    }

    /** ad = SHA3-256(zrt/v1/frame-ad ‖ tbs bytes as sent). */
    public byte[] associatedData() {
        return FrameDigests.associatedData(frame.getTbs().toByteArray());
    }
}
