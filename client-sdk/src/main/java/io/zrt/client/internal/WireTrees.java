package io.zrt.client.internal;

import com.google.protobuf.ByteString;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.BranchChangeType;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.TreeKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Conversions between the wire messages and the ART library (until common-protocol offers them). */
final class WireTrees {

    private WireTrees() {
    }

    /** The eligibility rules' view of a tree. */
    static TreeKeys keysOf(PublicTree tree) {
        return new TreeKeys() {
            @Override
            public Optional<byte[]> nodeKey(int heapIndex) {
                return heapIndex >= 1 && tree.contains(heapIndex)
                        ? Optional.of(keyAt(tree, heapIndex).encode()) : Optional.empty();
            }

            @Override
            public int ownerLeaf() {
                return (int) tree.ownerLeafIndex();
            }
        };
    }

    private static CortadoPoint keyAt(PublicTree tree, long index) {
        try {
            return tree.nodeKey(index);
        } catch (io.zrt.crypto.art.IndexOutOfRangeException e) {
            throw new IllegalStateException("checked with contains", e);
        }
    }

    static BranchChangeType typeOf(OperationKind kind) {
        return switch (kind) {
            case ADD_MEMBER -> BranchChangeType.ADD_MEMBER;
            case REMOVE_MEMBER -> BranchChangeType.REMOVE_MEMBER;
            case FINALIZE_REMOVAL -> BranchChangeType.FINALIZE_REMOVAL;
            case KEY_UPDATE -> BranchChangeType.KEY_UPDATE;
            case LEAVE_GROUP -> BranchChangeType.LEAVE;
            default -> throw new IllegalArgumentException(kind + " carries no branch change");
        };
    }

    /** Decodes a wire branch change strictly; the frame parser has already checked its shape. */
    static BranchChange fromWire(OperationKind kind, io.zrt.protocol.BranchChange wire)
            throws InvalidEncodingException {
        List<CortadoPoint> keys = new ArrayList<>(wire.getPathKeysCount());
        for (ByteString key : wire.getPathKeysList()) {
            keys.add(CortadoPoint.decode(key.toByteArray()));
        }
        return new BranchChange(typeOf(kind), wire.getTarget(), keys);
    }

    static io.zrt.protocol.BranchChange toWire(BranchChange change) {
        var builder = io.zrt.protocol.BranchChange.newBuilder().setTarget(Math.toIntExact(change.target()));
        for (CortadoPoint key : change.pathKeys()) {
            builder.addPathKeys(ByteString.copyFrom(key.encode()));
        }
        return builder.build();
    }
}
