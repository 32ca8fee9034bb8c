package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.StoredState;
import io.zrt.testkit.mongo.TestMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Node instances (separate application contexts, separate ports, no shared memory) on one MongoDB:
 * competing writers are ordered by the database's unique indexes alone.
 */
class ConcurrencyTest {

    private static final String DATABASE = TestMongo.uniqueDatabaseName("node_concurrency");
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        first = startNode();
        second = startNode();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static ConfigurableApplicationContext startNode() {
        // Command-line arguments: they win over application.yml (default properties would not).
        return new SpringApplicationBuilder(NodeApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--spring.mongodb.uri=" + TestMongo.uri(),
                "--zrt.node.database=" + DATABASE,
                "--spring.jmx.enabled=false");
    }

    private static NodeClient clientOf(ConfigurableApplicationContext context) {
        return new NodeClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void competingKeyUpdatesForOneEpochLandExactlyOnce() throws Exception {
        NodeClient a = clientOf(first);
        NodeClient b = clientOf(second);
        GroupDriver g = GroupDriver.create();
        GroupDriver.Pending init = g.init();
        assertThat(a.postFrame(g.id(), init.bytes()).status()).isEqualTo(201);
        g.accept(init);
        GroupDriver.Pending add = g.addMember();
        assertThat(b.postFrame(g.id(), add.bytes()).status()).isEqualTo(201);
        g.accept(add);

        // 12 valid key updates of the member's leaf (each with its own branch proof, which costs seconds to
        // make), all claiming epoch 2, plus 30 plain frames of epoch 1.
        List<byte[]> updates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            updates.add(g.keyUpdate(3).bytes());
        }
        List<byte[]> plains = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            plains.add(g.plain().bytes());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<NodeClient.Response>> updateResults = new ArrayList<>();
        List<Future<NodeClient.Response>> plainResults = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            byte[] frame = updates.get(i);
            NodeClient target = i % 2 == 0 ? a : b;
            updateResults.add(pool.submit(() -> {
                go.await();
                return target.postFrame(g.id(), frame);
            }));
        }
        for (int i = 0; i < plains.size(); i++) {
            byte[] frame = plains.get(i);
            NodeClient target = i % 2 == 0 ? b : a;
            plainResults.add(pool.submit(() -> {
                go.await();
                return target.postFrame(g.id(), frame);
            }));
        }
        go.countDown();
        int landed = 0;
        for (Future<NodeClient.Response> f : updateResults) {
            NodeClient.Response r = f.get();
            if (r.status() == 201) {
                landed++;
                assertThat(r.json().path("epoch").asLong()).isEqualTo(2);
            } else {
                assertThat(r.status()).as(new String(r.body())).isEqualTo(409);
                assertThat(r.code()).isEqualTo("stale_epoch");
            }
        }
        assertThat(landed).isEqualTo(1);
        int plainLanded = 0;
        for (Future<NodeClient.Response> f : plainResults) {
            NodeClient.Response r = f.get();
            // A plain frame of epoch 1 lands if it got in before the key update, else it is stale.
            if (r.status() == 201) {
                plainLanded++;
            } else {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("stale_epoch");
            }
        }
        pool.shutdown();

        try (StoredState stored = new StoredState(TestMongo.uri(), DATABASE)) {
            List<Long> seqs = new ArrayList<>();
            List<Long> epochs = new ArrayList<>();
            stored.database().getCollection("frames").find(new Document("groupId", g.id().text()))
                    .sort(new Document("seq", 1)).forEach(d -> {
                        seqs.add(d.getLong("seq"));
                        epochs.add(d.getLong("epoch"));
                    });
            int expected = 2 + 1 + plainLanded;
            assertThat(seqs).hasSize(expected);
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("no gap, no duplicate").isEqualTo(i);
            }
            assertThat(epochs).as("epochs never decrease along seq").isSorted();
            Document group = stored.database().getCollection("groups").find(new Document("_id", g.id().text())).first();
            assertThat(group.getLong("lastSeq")).isEqualTo(expected - 1L);
            assertThat(group.getLong("epoch")).isEqualTo(2L);
        }
    }
}
