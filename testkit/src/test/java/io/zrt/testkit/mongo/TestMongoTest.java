package io.zrt.testkit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TestMongoTest {

    @Test
    void insertIsSeenOnChangeStream() {
        try (MongoClient client = MongoClients.create(TestMongo.uri())) {
            MongoCollection<Document> frames = client.getDatabase(TestMongo.uniqueDatabaseName("testkit"))
                    .getCollection("frames");
            frames.insertOne(new Document("seq", 0));
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = frames
                    .watch(List.of()).fullDocument(FullDocument.UPDATE_LOOKUP).cursor()) {
                frames.insertOne(new Document("seq", 1).append("groupId", "g1"));
                ChangeStreamDocument<Document> event = next(cursor);
                assertThat(event.getOperationType()).isEqualTo(OperationType.INSERT);
                assertThat(event.getFullDocument()).containsEntry("groupId", "g1").containsEntry("seq", 1);
                assertThat(event.getResumeToken()).isNotNull();
            }
        }
    }

    @Test
    void databasesAreSeparate() {
        assertThat(TestMongo.uniqueDatabaseName("x")).isNotEqualTo(TestMongo.uniqueDatabaseName("x"));
        assertThat(TestMongo.uri()).startsWith("mongodb://");
    }

    private static ChangeStreamDocument<Document> next(MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            ChangeStreamDocument<Document> event = cursor.tryNext();
            if (event != null) {
                return event;
            }
        }
        throw new AssertionError("no change stream event within 10 s");
    }

    @Tag("docker")
    @Test
    void containerIsAReplicaSet() {
        MongoEndpoint endpoint = MongoContainers.start();
        try (MongoClient client = MongoClients.create(endpoint.uri())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getString("setName")).isNotBlank();
        }
    }
}
