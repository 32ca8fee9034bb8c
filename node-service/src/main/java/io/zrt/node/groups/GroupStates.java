package io.zrt.node.groups;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.node.storage.FrameLog;
import io.zrt.node.storage.GroupSnapshot;
import io.zrt.node.storage.SnapshotStore;
import io.zrt.node.storage.StoredFrame;
import io.zrt.node.storage.TreeStore;
import io.zrt.protocol.rules.FrameParser;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ParsedFrame;
import java.util.Optional;

/**
 * Loads a group's current state. The log is the truth: when it is ahead of the snapshot (a writer crashed
 * between appending a frame and updating the snapshot), the missing frames are applied, their epochs' trees
 * stored, and the snapshot compare-and-set, before anyone uses it. Holds no state of its own.
 */
public final class GroupStates {

    private final SnapshotStore snapshots;
    private final FrameLog log;
    private final TreeStore trees;

    public GroupStates(SnapshotStore snapshots, FrameLog log, TreeStore trees) {
        this.snapshots = snapshots;
        this.log = log;
        this.trees = trees;
    }

    public Optional<GroupState> load(GroupId groupId) {
        String id = groupId.text();
        Optional<GroupSnapshot> stored = snapshots.find(id);
        GroupSnapshot snapshot;
        PublicTree tree;
        if (stored.isEmpty()) {
            Optional<StoredFrame> init = log.find(id, 0);
            if (init.isEmpty()) {
                return Optional.empty();
            }
            Transitions.Transition first = initStep(reparse(init.get()));
            trees.put(id, 0, first.snapshot().tree());
            snapshots.insertInitial(first.snapshot());
            snapshot = first.snapshot();
            tree = first.tree();
        } else {
            snapshot = stored.get();
            tree = decodeStored(snapshot.tree());
        }
        long versionBefore = snapshot.version();
        boolean advanced = false;
        for (StoredFrame frame : log.after(id, snapshot.lastSeq())) {
            if (frame.seq() != snapshot.lastSeq() + 1) {
                throw new IllegalStateException("gap in the frame log of " + id + " before seq " + frame.seq());
            }
            Transitions.Transition step = step(snapshot, tree, reparse(frame));
            if (step.newEpoch()) {
                trees.put(id, step.snapshot().epoch(), step.snapshot().tree());
            }
            snapshot = step.snapshot();
            tree = step.tree();
            advanced = true;
        }
        if (advanced) {
            // Whoever wins this compare-and-set wrote the same content: both derived it from the same log.
            GroupSnapshot rolled = new GroupSnapshot(snapshot.groupId(), snapshot.epoch(), snapshot.lastSeq(),
                    snapshot.status(), snapshot.ownerKey(), snapshot.tree(), versionBefore + 1);
            snapshots.compareAndSet(versionBefore, rolled);
            snapshot = rolled;
        }
        return Optional.of(new GroupState(snapshot, tree));
    }

    /** The canonical ART encoding of the tree a group had at an epoch, as stored (what the tree endpoint serves). */
    public Optional<byte[]> encodedTreeAt(GroupId groupId, long epoch) {
        return trees.get(groupId.text(), epoch);
    }

    /** The tree a group had at an epoch, if that epoch exists. */
    public Optional<PublicTree> treeAt(GroupId groupId, long epoch) {
        return trees.get(groupId.text(), epoch).map(GroupStates::decodeStored);
    }

    private static Transitions.Transition initStep(ParsedFrame init) {
        try {
            return Transitions.init(init);
        } catch (FrameRejectedException e) {
            throw new IllegalStateException("a logged init frame no longer applies: " + e.getMessage(), e);
        }
    }

    private static Transitions.Transition step(GroupSnapshot snapshot, PublicTree tree, ParsedFrame frame) {
        try {
            return Transitions.next(snapshot, tree, frame);
        } catch (FrameRejectedException e) {
            throw new IllegalStateException("a logged frame no longer applies: " + e.getMessage(), e);
        }
    }

    private static ParsedFrame reparse(StoredFrame frame) {
        try {
            return FrameParser.parse(frame.frame());
        } catch (FrameRejectedException e) {
            throw new IllegalStateException("a logged frame no longer parses: " + e.getMessage(), e);
        }
    }

    /** Stored trees were produced by this service's encoder; failing to decode one is a server fault. */
    static PublicTree decodeStored(byte[] encoded) {
        try {
            return PublicTree.decode(encoded);
        } catch (ArtException e) {
            throw new IllegalStateException("stored tree does not decode: " + e.getMessage(), e);
        }
    }
}
