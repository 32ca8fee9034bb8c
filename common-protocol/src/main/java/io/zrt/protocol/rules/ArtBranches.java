package io.zrt.protocol.rules;

import com.google.protobuf.ByteString;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.BranchChangeType;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.protocol.GroupOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the wire form of a branch change (the protobuf {@code BranchChange} inside a
 * {@code GroupOperation}, whose oneof case is the type) and the ART library's {@link BranchChange}.
 * Decoding is strict: every path key must be a valid finite Cortado point ({@link Rejection#INVALID_FIELD}),
 * the target a heap index the wire can carry ({@link Rejection#INDEX_OUT_OF_RANGE}) and the path one key per
 * level ({@link Rejection#WRONG_PATH_LENGTH}). Whether the change fits a tree is the tree's business
 * ({@code PublicTree.apply}, mapped by {@link ArtRejections}).
 */
public final class ArtBranches {

    private ArtBranches() {
    }

    /** The ART type of a branch-changing operation; empty-handed kinds (plain, init, drop) have none. */
    public static BranchChangeType typeOf(OperationKind kind) {
        return switch (kind) {
            case ADD_MEMBER -> BranchChangeType.ADD_MEMBER;
            case REMOVE_MEMBER -> BranchChangeType.REMOVE_MEMBER;
            case FINALIZE_REMOVAL -> BranchChangeType.FINALIZE_REMOVAL;
            case KEY_UPDATE -> BranchChangeType.KEY_UPDATE;
            case LEAVE_GROUP -> BranchChangeType.LEAVE;
            case PLAIN, INIT, DROP_GROUP -> throw new IllegalArgumentException(kind + " carries no branch change");
        };
    }

    /** The operation kind that carries a branch change of this type. */
    public static OperationKind kindOf(BranchChangeType type) {
        return switch (type) {
            case ADD_MEMBER -> OperationKind.ADD_MEMBER;
            case REMOVE_MEMBER -> OperationKind.REMOVE_MEMBER;
            case FINALIZE_REMOVAL -> OperationKind.FINALIZE_REMOVAL;
            case KEY_UPDATE -> OperationKind.KEY_UPDATE;
            case LEAVE -> OperationKind.LEAVE_GROUP;
        };
    }

    /** The ART branch change a parsed frame carries (add, remove, finalize, key update, leave). */
    public static BranchChange of(ParsedFrame frame) throws FrameRejectedException {
        io.zrt.protocol.BranchChange wire = frame.branchChange().orElseThrow(
                () -> new IllegalArgumentException(frame.kind() + " carries no branch change"));
        return fromWire(frame.kind(), wire);
    }

    /** Strict conversion of a wire branch change of the given kind. */
    public static BranchChange fromWire(OperationKind kind, io.zrt.protocol.BranchChange wire)
            throws FrameRejectedException {
        BranchChangeType type = typeOf(kind);
        FrameParser.checkBranchShape(wire);
        List<CortadoPoint> keys = new ArrayList<>(wire.getPathKeysCount());
        for (int i = 0; i < wire.getPathKeysCount(); i++) {
            try {
                // decode() refuses the point at infinity, so the BranchChange constructor cannot object.
                keys.add(CortadoPoint.decode(wire.getPathKeys(i).toByteArray()));
            } catch (InvalidEncodingException e) {
                throw new FrameRejectedException(Rejection.INVALID_FIELD,
                        "path key " + i + " is not a valid Cortado point");
            }
        }
        return new BranchChange(type, Integer.toUnsignedLong(wire.getTarget()), keys);
    }

    /** The wire form of an ART branch change (its type becomes the oneof case, see {@link #operation}). */
    public static io.zrt.protocol.BranchChange toWire(BranchChange change) {
        if (change.target() >= FrameParser.MAX_HEAP_INDEX) {
            throw new IllegalArgumentException("heap index " + change.target() + " exceeds what the wire carries");
        }
        io.zrt.protocol.BranchChange.Builder wire = io.zrt.protocol.BranchChange.newBuilder()
                .setTarget((int) change.target());
        for (CortadoPoint key : change.pathKeys()) {
            wire.addPathKeys(ByteString.copyFrom(key.encode()));
        }
        return wire.build();
    }

    /** The GroupOperation that publishes an ART branch change. */
    public static GroupOperation operation(BranchChange change) {
        io.zrt.protocol.BranchChange wire = toWire(change);
        GroupOperation.Builder op = GroupOperation.newBuilder();
        switch (change.type()) {
            case ADD_MEMBER -> op.setAddMember(wire);
            case REMOVE_MEMBER -> op.setRemoveMember(wire);
            case FINALIZE_REMOVAL -> op.setFinalizeRemoval(wire);
            case KEY_UPDATE -> op.setKeyUpdate(wire);
            case LEAVE -> op.setLeaveGroup(wire);
        }
        return op.build();
    }
}
