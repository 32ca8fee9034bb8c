package io.zrt.node.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Reads the Node's collections directly, to assert that a refused request changed nothing. */
public final class StoredState implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase db;

    public StoredState(String uri, String database) {
        this.client = MongoClients.create(uri);
        this.db = client.getDatabase(database);
    }

    public MongoDatabase database() {
        return db;
    }

    /** Every document of frames, groups and trees of a group, in a stable order. */
    public List<String> snapshot(String groupId) {
        List<String> out = new ArrayList<>();
        db.getCollection("frames").find(new Document("groupId", groupId)).sort(new Document("seq", 1))
                .forEach(d -> out.add("frame " + d.toJson()));
        Document g = db.getCollection("groups").find(new Document("_id", groupId)).first();
        out.add("group " + (g == null ? "none" : g.toJson()));
        db.getCollection("trees").find(new Document("groupId", groupId)).sort(new Document("epoch", 1))
                .forEach(d -> out.add("tree " + d.toJson()));
        return out;
    }

    /** Removes every document of a group (frames, snapshot, trees, challenges), as if it had never existed. */
    public void deleteGroup(String groupId) {
        db.getCollection("frames").deleteMany(new Document("groupId", groupId));
        db.getCollection("groups").deleteMany(new Document("_id", groupId));
        db.getCollection("trees").deleteMany(new Document("groupId", groupId));
        db.getCollection("challenges").deleteMany(new Document("groupId", groupId));
    }

    public long frameCount(String groupId) {
        return db.getCollection("frames").countDocuments(new Document("groupId", groupId));
    }

    @Override
    public void close() {
        client.close();
    }
}
