package io.zrt.client;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.zrt.testkit.centrifugo.CentrifugoServer;
import io.zrt.testkit.mongo.TestMongo;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Stands in for the message-relay (not on this branch): polls the Node's frame log for frames not yet relayed,
 * publishes each to Centrifugo in the relay's JSON shape {@code {"seq","epoch","frame":"<base64 SPFrame>"}} on
 * channel {@code personal:<groupId>}, then marks it relayed. Can be paused to create gaps.
 */
final class TestRelay implements AutoCloseable {

    private final MongoClient mongo = MongoClients.create(TestMongo.uri());
    private final MongoCollection<Document> frames = mongo.getDatabase(Services.DATABASE).getCollection("frames");
    private final CentrifugoServer centrifugo;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean(false);
    private final Thread thread;

    TestRelay(CentrifugoServer centrifugo) {
        this.centrifugo = centrifugo;
        // Frames of earlier tests stay unpublished; only what is written from now on is relayed.
        frames.updateMany(Filters.eq("relayed", false), Updates.set("relayed", true));
        thread = new Thread(this::loop, "test-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void pause(boolean pause) {
        paused.set(pause);
    }

    private void loop() {
        while (running.get()) {
            if (!paused.get()) {
                for (Document frame : frames.find(Filters.eq("relayed", false))
                        .sort(Sorts.ascending("groupId", "seq"))) {
                    publish(frame);
                }
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void publish(Document frame) {
        String data = "{\"seq\":" + frame.getLong("seq") + ",\"epoch\":" + frame.getLong("epoch") + ",\"frame\":\""
                + Base64.getEncoder().encodeToString(frame.get("spFrame", Binary.class).getData()) + "\"}";
        try {
            centrifugo.publish("personal:" + frame.getString("groupId"), data);
            frames.updateOne(Filters.eq("_id", frame.get("_id")), Updates.set("relayed", true));
        } catch (Exception e) {
            // retried on the next poll, like the real relay after a failed publish
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        mongo.close();
    }
}
