package io.zrt.node.trees;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Applies a branch change to a public tree with every structural check the Node can make without the
 * zero-knowledge branch proof: the target is the right leaf for the operation (placement rule for add,
 * an ACTIVE leaf for update / leave / remove, a BLANK or PENDING_REMOVAL leaf for finalize), the owner's
 * leaf is never removed, the path has one valid key per level, and additive results are finite points.
 * Every failure is {@link Rejection#INVALID_TREE_CHANGE} or, for bad point bytes, {@link Rejection#INVALID_FIELD}.
 */
public final class BranchApplier {

    private BranchApplier() {
    }

    public static PublicTree apply(PublicTree before, OperationKind kind, BranchChange change)
            throws FrameRejectedException {
        List<CortadoPoint> path = decodePath(change);
        int target = change.getTarget();
        TreeMap<Integer, CortadoPoint> keys = before.copyKeys();
        TreeMap<Integer, LeafStatus> statuses = before.copyStatuses();
        switch (kind) {
            case ADD_MEMBER -> {
                int expected = before.placementTarget();
                if (target != expected) {
                    throw reject("add member must target heap index " + expected + " (placement rule), not " + target);
                }
                if (!before.contains(target)) {
                    // Extension: the leaf at target/2 moves down to its left child; the newcomer takes the right.
                    int extended = target >>> 1;
                    keys.put(2 * extended, keys.get(extended));
                    statuses.put(2 * extended, statuses.remove(extended));
                }
                statuses.put(target, LeafStatus.ACTIVE);
                replacePath(keys, target, path);
            }
            case KEY_UPDATE, LEAVE_GROUP, REMOVE_MEMBER -> {
                requireLeafWithStatus(before, target, LeafStatus.ACTIVE);
                if (kind == OperationKind.REMOVE_MEMBER && target == before.ownerLeaf()) {
                    throw reject("the owner's leaf cannot be removed");
                }
                replacePath(keys, target, path);
                statuses.put(target, switch (kind) {
                    case LEAVE_GROUP -> LeafStatus.PENDING_REMOVAL;
                    case REMOVE_MEMBER -> LeafStatus.BLANK;
                    default -> LeafStatus.ACTIVE;
                });
            }
            case FINALIZE_REMOVAL -> {
                LeafStatus status = before.status(target).orElseThrow(() -> reject("target " + target + " is not a leaf"));
                if (status == LeafStatus.ACTIVE) {
                    throw reject("finalize removal needs a BLANK or PENDING_REMOVAL leaf");
                }
                addPath(keys, target, path);
                statuses.put(target, LeafStatus.BLANK);
            }
            default -> throw new IllegalArgumentException(kind + " carries no branch change");
        }
        return new PublicTree(keys, statuses);
    }

    private static void requireLeafWithStatus(PublicTree tree, int target, LeafStatus required)
            throws FrameRejectedException {
        LeafStatus status = tree.status(target).orElseThrow(() -> reject("target " + target + " is not a leaf"));
        if (status != required) {
            throw reject("target leaf " + target + " is " + status + ", expected " + required);
        }
    }

    /** Path keys run leaf first; node of level j is target >> j. */
    private static void replacePath(TreeMap<Integer, CortadoPoint> keys, int target, List<CortadoPoint> path) {
        for (int j = 0; j < path.size(); j++) {
            keys.put(target >>> j, path.get(j));
        }
    }

    /** Additive update (PROTOCOL.md 6.1): new key = old key + contribution key, level by level. */
    private static void addPath(TreeMap<Integer, CortadoPoint> keys, int target, List<CortadoPoint> path)
            throws FrameRejectedException {
        for (int j = 0; j < path.size(); j++) {
            CortadoPoint sum = keys.get(target >>> j).add(path.get(j));
            if (sum.isInfinity()) {
                throw reject("additive update yields the point at infinity");
            }
            keys.put(target >>> j, sum);
        }
    }

    private static List<CortadoPoint> decodePath(BranchChange change) throws FrameRejectedException {
        List<CortadoPoint> path = new ArrayList<>(change.getPathKeysCount());
        for (var key : change.getPathKeysList()) {
            try {
                path.add(CortadoPoint.decode(key.toByteArray()));
            } catch (InvalidEncodingException e) {
                throw new FrameRejectedException(Rejection.INVALID_FIELD, "path key is not a valid Cortado point");
            }
        }
        int expectedLength = 32 - Integer.numberOfLeadingZeros(change.getTarget());
        if (path.size() != expectedLength) {
            throw reject("path length does not match the target's depth");
        }
        return path;
    }

    private static FrameRejectedException reject(String message) {
        return new FrameRejectedException(Rejection.INVALID_TREE_CHANGE, message);
    }
}
