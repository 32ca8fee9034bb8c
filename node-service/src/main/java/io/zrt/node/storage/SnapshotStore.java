package io.zrt.node.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/** Group snapshots with optimistic concurrency: every update names the version it replaces. */
public final class SnapshotStore {

    private final Collections collections;

    public SnapshotStore(Collections collections) {
        this.collections = collections;
    }

    public Optional<GroupSnapshot> find(String groupId) {
        Document d = collections.groups().find(eq("_id", groupId)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new GroupSnapshot(groupId, d.getLong("epoch"), d.getLong("lastSeq"), d.getString("status"),
                d.get("ownerKey", Binary.class).getData(), d.get("tree", Binary.class).getData(), d.getLong("version")));
    }

    /** Creates the first snapshot (version 0); false when another writer created it first. */
    public boolean insertInitial(GroupSnapshot snapshot) {
        try {
            collections.groups().insertOne(toDocument(snapshot).append("_id", snapshot.groupId()));
            return true;
        } catch (MongoWriteException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces the snapshot if it is still at {@code expectedVersion}; the new document carries
     * {@code snapshot.version()}, which callers set to expectedVersion + 1. False when someone else moved it.
     */
    public boolean compareAndSet(long expectedVersion, GroupSnapshot snapshot) {
        return collections.groups().updateOne(and(eq("_id", snapshot.groupId()), eq("version", expectedVersion)),
                new Document("$set", toDocument(snapshot))).getModifiedCount() == 1;
    }

    private static Document toDocument(GroupSnapshot s) {
        return new Document("epoch", s.epoch()).append("lastSeq", s.lastSeq()).append("status", s.status())
                .append("ownerKey", new Binary(s.ownerKey())).append("tree", new Binary(s.tree()))
                .append("version", s.version()).append("updatedAt", new Date());
    }
}
