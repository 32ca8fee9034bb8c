package io.zrt.node.groups;

import io.zrt.node.storage.GroupSnapshot;
import io.zrt.crypto.art.PublicTree;

/** A group as the log says it is now: its up-to-date snapshot and that snapshot's decoded ART public tree. */
public record GroupState(GroupSnapshot snapshot, PublicTree tree) {

    public long epoch() {
        return snapshot.epoch();
    }

    public long lastSeq() {
        return snapshot.lastSeq();
    }

    public boolean dropped() {
        return snapshot.dropped();
    }
}
