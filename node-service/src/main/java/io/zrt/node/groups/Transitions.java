package io.zrt.node.groups;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.node.storage.GroupSnapshot;
import io.zrt.protocol.rules.ArtBranches;
import io.zrt.protocol.rules.ArtRejections;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.ParsedFrame;

/**
 * How one log entry moves a group snapshot forward. Used both on the write path (for the frame being
 * accepted) and when rolling a stale snapshot forward over frames already in the log, so both give the same
 * result by construction. Trees are the ART library's {@link PublicTree}: the initial one is decoded strictly
 * from InitGroup.public_tree (canonical encoding, docs/art.md), and each branch change is applied with all of
 * its structural checks; every {@link ArtException} becomes its precise rejection ({@link ArtRejections}).
 */
public final class Transitions {

    private Transitions() {
    }

    /** The snapshot an init frame creates (version 0). */
    public static Transition init(ParsedFrame init) throws FrameRejectedException {
        var op = init.init().orElseThrow();
        byte[] encoded = op.getPublicTree().toByteArray();
        PublicTree tree;
        try {
            // Strict decoding: one tree has one encoding, so the bytes as received are the canonical ones.
            tree = PublicTree.decode(encoded);
        } catch (ArtException e) {
            throw ArtRejections.of(e);
        }
        return new Transition(new GroupSnapshot(init.groupId().text(), 0, 0, GroupSnapshot.ACTIVE,
                op.getOwnerIdentityKey().toByteArray(), encoded, 0), tree, true);
    }

    /** The snapshot after {@code frame} is appended at {@code before.lastSeq() + 1}. */
    public static Transition next(GroupSnapshot before, PublicTree treeBefore, ParsedFrame frame)
            throws FrameRejectedException {
        OperationKind kind = frame.kind();
        if (kind == OperationKind.INIT) {
            throw new IllegalArgumentException("init only starts a log");
        }
        PublicTree after = treeBefore;
        if (kind.changesBranch()) {
            try {
                after = treeBefore.apply(ArtBranches.of(frame));
            } catch (ArtException e) {
                throw ArtRejections.of(e);
            }
        }
        long epoch = kind.isGroupOperation() ? before.epoch() + 1 : before.epoch();
        String status = kind == OperationKind.DROP_GROUP ? GroupSnapshot.DROPPED : before.status();
        byte[] treeBytes = after == treeBefore ? before.tree() : after.encode();
        return new Transition(new GroupSnapshot(before.groupId(), epoch, before.lastSeq() + 1, status,
                before.ownerKey(), treeBytes, before.version() + 1), after, kind.isGroupOperation());
    }

    /**
     * @param snapshot   the new snapshot
     * @param tree       its public tree, decoded
     * @param newEpoch   true when the transition opened an epoch whose tree must be stored
     */
    public record Transition(GroupSnapshot snapshot, PublicTree tree, boolean newEpoch) {
    }
}
