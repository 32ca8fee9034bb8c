package io.zrt.node.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/** The frame log: append-only, ordered by seq per group, the source of truth for everything else. */
public final class FrameLog {

    public static final String ID = "_id";
    public static final String GROUP_ID = "groupId";
    public static final String SEQ = "seq";
    public static final String EPOCH = "epoch";
    public static final String OP = "op";
    public static final String NONCE = "nonce";
    public static final String FRAME = "frame";
    public static final String SP_FRAME = "spFrame";
    public static final String CREATED_AT = "createdAt";
    public static final String RELAYED = "relayed";

    /** Thrown when the unique (groupId, seq) or (groupId, nonce) index refuses an insert. */
    public static final class DuplicateFrameException extends Exception {
        DuplicateFrameException(String message) {
            super(message);
        }
    }

    private final Collections collections;

    public FrameLog(Collections collections) {
        this.collections = collections;
    }

    public void insert(StoredFrame frame) throws DuplicateFrameException {
        Document doc = new Document(ID, frame.groupId() + ":" + frame.seq())
                .append(GROUP_ID, frame.groupId())
                .append(SEQ, frame.seq())
                .append(EPOCH, frame.epoch())
                .append(OP, frame.op())
                .append(NONCE, new Binary(frame.nonce()))
                .append(FRAME, new Binary(frame.frame()))
                .append(SP_FRAME, new Binary(frame.spFrame()))
                .append(CREATED_AT, Date.from(frame.createdAt()))
                .append(RELAYED, frame.relayed());
        try {
            collections.frames().insertOne(doc);
        } catch (MongoWriteException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new DuplicateFrameException(e.getError().getMessage());
            }
            throw e;
        }
    }

    public boolean nonceExists(String groupId, byte[] nonce) {
        return collections.frames().find(and(eq(GROUP_ID, groupId), eq(NONCE, new Binary(nonce))))
                .projection(new Document(ID, 1)).first() != null;
    }

    public Optional<StoredFrame> find(String groupId, long seq) {
        return Optional.ofNullable(collections.frames().find(and(eq(GROUP_ID, groupId), eq(SEQ, seq))).first())
                .map(FrameLog::fromDocument);
    }

    /** Every frame after {@code seq}, in seq order (the tail a stale snapshot must be rolled forward by). */
    public List<StoredFrame> after(String groupId, long seq) {
        List<StoredFrame> out = new ArrayList<>();
        collections.frames().find(and(eq(GROUP_ID, groupId), gt(SEQ, seq))).sort(Sorts.ascending(SEQ))
                .forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    /** Frames with seq ≥ fromSeq and epoch ≥ minEpoch, in seq order, at most {@code limit}. */
    public List<StoredFrame> page(String groupId, long fromSeq, long minEpoch, int limit) {
        List<StoredFrame> out = new ArrayList<>();
        collections.frames().find(and(eq(GROUP_ID, groupId), gte(SEQ, fromSeq), gte(EPOCH, minEpoch)))
                .sort(Sorts.ascending(SEQ)).limit(limit).forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    static StoredFrame fromDocument(Document d) {
        return new StoredFrame(d.getString(GROUP_ID), d.getLong(SEQ), d.getLong(EPOCH), d.getString(OP),
                d.get(NONCE, Binary.class).getData(), d.get(FRAME, Binary.class).getData(),
                d.get(SP_FRAME, Binary.class).getData(), d.getDate(CREATED_AT).toInstant(),
                Boolean.TRUE.equals(d.getBoolean(RELAYED)));
    }
}
