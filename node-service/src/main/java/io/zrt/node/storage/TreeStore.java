package io.zrt.node.storage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/** The public tree of every epoch, keyed by (groupId, epoch): tree-at-epoch without replaying history. */
public final class TreeStore {

    public static final String GROUP_ID = "groupId";
    public static final String EPOCH = "epoch";
    public static final String TREE = "tree";

    private final Collections collections;

    public TreeStore(Collections collections) {
        this.collections = collections;
    }

    /**
     * Stores the tree of an epoch once. A tree already stored for that epoch was derived from the same log
     * entry (the frame log admits one operation per epoch), so a duplicate is simply ignored.
     */
    public void put(String groupId, long epoch, byte[] tree) {
        try {
            collections.trees().insertOne(new Document("_id", groupId + ":" + epoch).append(GROUP_ID, groupId)
                    .append(EPOCH, epoch).append(TREE, new Binary(tree)).append("createdAt", new Date()));
        } catch (MongoWriteException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    public Optional<byte[]> get(String groupId, long epoch) {
        Document d = collections.trees().find(eq("_id", groupId + ":" + epoch)).first();
        return Optional.ofNullable(d).map(doc -> doc.get(TREE, Binary.class).getData());
    }
}
