package io.zrt.relay.state;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * The change stream resume token, stored after the frames of every change event up to it have been
 * acknowledged by JetStream and marked relayed. Writes are fenced with the lease's fencing number.
 */
public class ResumeTokenStore {

    static final String TOKEN_ID = "resume-token";
    private static final String TOKEN = "token";
    private static final String FENCE = "fence";

    private final MongoCollection<Document> state;

    public ResumeTokenStore(MongoCollection<Document> state) {
        this.state = state;
    }

    public Optional<BsonDocument> load() {
        Document stored = state.find(Filters.eq("_id", TOKEN_ID)).first();
        if (stored == null || !(stored.get(TOKEN) instanceof Document token)) {
            return Optional.empty();
        }
        return Optional.of(token.toBsonDocument());
    }

    /**
     * Stores {@code token} unless a leader with a higher fencing number has written since.
     *
     * @throws FencedOutException when this instance's lease has been superseded
     */
    public void save(BsonDocument token, long fence) throws FencedOutException {
        try {
            state.updateOne(Filters.and(Filters.eq("_id", TOKEN_ID), Filters.lte(FENCE, fence)),
                    Updates.combine(Updates.set(TOKEN, token), Updates.set(FENCE, fence),
                            Updates.set("updatedAt", new Date())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // the filter did not match because the stored fence is higher, and the upsert collided on _id
                throw new FencedOutException("resume token was written by a newer leader");
            }
            throw e;
        }
    }

    /** Forgets the token (used when it is no longer valid), fenced like {@link #save}. */
    public void clear(long fence) {
        state.updateOne(Filters.and(Filters.eq("_id", TOKEN_ID), Filters.lte(FENCE, fence)), Updates.unset(TOKEN));
    }

    /** This instance is no longer the leader. */
    public static class FencedOutException extends Exception {
        public FencedOutException(String message) {
            super(message);
        }
    }
}
