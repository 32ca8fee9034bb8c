package io.zrt.relay.support;

import com.google.protobuf.ByteString;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.zrt.protocol.Frame;
import io.zrt.protocol.SPFrame;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;

/** Writes frame documents the way the Node does (the stable contract of the {@code frames} collection). */
public final class TestFrames {

    private TestFrames() {
    }

    public static void createIndexes(MongoCollection<Document> frames) {
        frames.createIndex(Indexes.ascending("groupId", "seq"), new IndexOptions().unique(true));
    }

    /** The SPFrame bytes the Node would push for (group, seq): recognisable content, parseable by tests. */
    public static byte[] spFrame(String groupId, long seq) {
        Frame frame = Frame.newBuilder()
                .setTbs(ByteString.copyFromUtf8("tbs of " + groupId + ":" + seq))
                .setProof(ByteString.copyFromUtf8("proof"))
                .build();
        return SPFrame.newBuilder().setSeq(seq).setCreated(System.currentTimeMillis()).setFrame(frame).build()
                .toByteArray();
    }

    public static Document document(String groupId, long seq, long epoch) {
        byte[] sp = spFrame(groupId, seq);
        Frame frame;
        try {
            frame = SPFrame.parseFrom(sp).getFrame();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
        return new Document("groupId", groupId)
                .append("seq", seq)
                .append("epoch", epoch)
                .append("op", seq == 0 ? "init" : "message")
                .append("frame", new Binary(frame.toByteArray()))
                .append("spFrame", new Binary(sp))
                .append("createdAt", new Date())
                .append("relayed", false);
    }

    public static void insert(MongoCollection<Document> frames, String groupId, long seq) {
        frames.insertOne(document(groupId, seq, seq / 10));
    }

    public static String newGroup() {
        return UUID.randomUUID().toString();
    }
}
