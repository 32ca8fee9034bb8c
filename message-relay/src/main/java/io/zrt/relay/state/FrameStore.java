package io.zrt.relay.state;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.MongoException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The relay's reads and writes on the Node's {@code frames} collection. */
public class FrameStore {

    private static final Logger log = LoggerFactory.getLogger(FrameStore.class);

    private final MongoCollection<Document> frames;

    public FrameStore(MongoDatabase database, String collection) {
        this.frames = database.getCollection(collection);
    }

    public MongoCollection<Document> collection() {
        return frames;
    }

    /**
     * Creates the index the relay's queries use (not-yet-relayed frames by group and seq). The Node may have
     * created an equivalent one; servers without partial indexes (the embedded test server) simply skip it, so
     * nothing depends on it but speed.
     */
    public void ensureIndexes() {
        try {
            frames.createIndex(Indexes.ascending(StoredFrame.GROUP_ID, StoredFrame.SEQ),
                    new IndexOptions().name("relay_unrelayed")
                            .partialFilterExpression(Filters.eq(StoredFrame.RELAYED, false)));
        } catch (MongoException e) {
            log.info("index relay_unrelayed not created ({}); queries still work without it", e.getMessage());
        }
    }

    /** Highest seq of the group that is marked relayed. */
    public OptionalLong lastRelayedSeq(String groupId) {
        Document last = frames.find(Filters.and(Filters.eq(StoredFrame.GROUP_ID, groupId),
                        Filters.eq(StoredFrame.RELAYED, true)))
                .projection(Projections.include(StoredFrame.SEQ))
                .sort(Sorts.descending(StoredFrame.SEQ)).limit(1).first();
        return last == null ? OptionalLong.empty() : OptionalLong.of(((Number) last.get(StoredFrame.SEQ)).longValue());
    }

    /** Every stored frame of the group with {@code fromSeq <= seq < toSeq}, in seq order, relayed or not. */
    public List<Document> range(String groupId, long fromSeq, long toSeq) {
        return frames.find(Filters.and(Filters.eq(StoredFrame.GROUP_ID, groupId),
                        Filters.gte(StoredFrame.SEQ, fromSeq), Filters.lt(StoredFrame.SEQ, toSeq)))
                .sort(Sorts.ascending(StoredFrame.SEQ)).into(new ArrayList<>());
    }

    /**
     * Streams the frames not yet relayed, grouped by group and in seq order within a group, created before
     * {@code createdBefore} (or all of them when empty).
     */
    public void forEachUnrelayed(Optional<Instant> createdBefore, Consumer<Document> action) {
        Bson filter = Filters.eq(StoredFrame.RELAYED, false);
        if (createdBefore.isPresent()) {
            filter = Filters.and(filter, Filters.lt(StoredFrame.CREATED_AT, java.util.Date.from(createdBefore.get())));
        }
        frames.find(filter).sort(Sorts.ascending(StoredFrame.GROUP_ID, StoredFrame.SEQ)).batchSize(1000)
                .forEach(action);
    }

    /** Creation time of the oldest frame not yet relayed: the relay lag is now minus this. */
    public Optional<Instant> oldestUnrelayedCreatedAt() {
        Document oldest = frames.find(Filters.eq(StoredFrame.RELAYED, false))
                .projection(Projections.include(StoredFrame.CREATED_AT))
                .sort(Sorts.ascending(StoredFrame.CREATED_AT)).limit(1).first();
        if (oldest == null || !(oldest.get(StoredFrame.CREATED_AT) instanceof java.util.Date date)) {
            return Optional.empty();
        }
        return Optional.of(date.toInstant());
    }

    /**
     * Sets {@code relayed: true} on the given frames (each acknowledged by JetStream before), in one statement
     * addressed by primary key, which every server (the embedded test server too) resolves cheaply.
     */
    public void markRelayed(Collection<StoredFrame> relayed) {
        if (relayed.isEmpty()) {
            return;
        }
        List<Object> ids = relayed.stream().map(StoredFrame::id).distinct().toList();
        frames.updateMany(Filters.in("_id", ids), Updates.set(StoredFrame.RELAYED, true));
    }
}
