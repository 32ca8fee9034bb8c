package io.zrt.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import io.zrt.protocol.SPFrame;
import io.zrt.relay.support.EventLog;
import io.zrt.relay.support.EventLog.Event;
import io.zrt.relay.support.RelayTestEnv;
import io.zrt.relay.support.TestFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The relay as a Spring application in this JVM against real MongoDB (embedded, with oplog) and NATS JetStream. */
class RelayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private RelayTestEnv env;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void setUp() {
        env = new RelayTestEnv();
    }

    @AfterEach
    void tearDown() throws Exception {
        java.util.Collections.reverse(cleanup);
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
        env.close();
    }

    private ConfigurableApplicationContext relay(String id) {
        ConfigurableApplicationContext context = env.startRelay(id);
        cleanup.add(context::close);
        return context;
    }

    private EventLog log() throws Exception {
        EventLog log = env.eventLog();
        cleanup.add(log);
        return log;
    }

    @Test
    void publishesEachFrameWithTheDesignedSubjectHeadersAndBody() throws Exception {
        relay("a");
        EventLog events = log();
        String group = TestFrames.newGroup();
        Document stored = TestFrames.document(group, 0, 7);
        env.frames().insertOne(stored);
        TestFrames.insert(env.frames(), group, 1);

        List<Event> seen = events.awaitAtLeast(2, WAIT);
        assertThat(seen).hasSize(2);
        Event first = seen.get(0);
        assertThat(first.subject()).isEqualTo(env.subjectPrefix + ".personal." + group);
        String id = group + ":0:" + io.zrt.protocol.rules.PushMessageId.digest(stored.get("spFrame", Binary.class).getData());
        assertThat(first.msgId()).isEqualTo(id);
        assertThat(first.idempotencyKey()).isEqualTo(id);
        assertThat(first.channels()).isEqualTo("personal:" + group);
        assertThat(first.seq()).isZero();
        assertThat(first.epoch()).isEqualTo(7);
        assertThat(first.spFrame()).isEqualTo(stored.get("spFrame", Binary.class).getData());
        assertThat(SPFrame.parseFrom(first.spFrame()).getSeq()).isZero();
        assertThat(seen.get(1).seq()).isEqualTo(1);

        awaitAllRelayed();
        // The first frames may have been relayed by the start-up scan, before the change stream was open; a
        // frame inserted now is surely seen by the stream, and its acknowledgement moves the resume token.
        TestFrames.insert(env.frames(), group, 2);
        assertThat(events.awaitAtLeast(3, WAIT)).hasSize(3);
        awaitAllRelayed();
        awaitResumeTokenStored();
    }

    @Test
    void framesInsertedWhileTheRelayIsDownArriveAfterRestartOldestFirst() throws Exception {
        ConfigurableApplicationContext first = relay("a");
        EventLog events = log();
        String g1 = TestFrames.newGroup();
        String g2 = TestFrames.newGroup();
        TestFrames.insert(env.frames(), g1, 0);
        events.awaitAtLeast(1, WAIT);
        awaitAllRelayed();
        first.close();

        for (long seq = 1; seq <= 30; seq++) {
            TestFrames.insert(env.frames(), g1, seq);
            TestFrames.insert(env.frames(), g2, seq - 1);
        }
        Thread.sleep(300);
        assertThat(events.size()).isEqualTo(1); // nobody relays while the relay is down

        relay("b");
        List<Event> seen = events.awaitAtLeast(61, WAIT);
        assertExactlyOnceInOrder(seen, Map.of(g1, 31L, g2, 30L));
        awaitAllRelayed();
    }

    @Test
    void aFrameWhosePredecessorIsNotRelayedWaitsForIt() throws Exception {
        relay("a");
        EventLog events = log();
        String group = TestFrames.newGroup();
        String other = TestFrames.newGroup();
        TestFrames.insert(env.frames(), group, 1); // arrives before seq 0
        TestFrames.insert(env.frames(), other, 0);
        events.awaitAtLeast(1, WAIT);
        Thread.sleep(500);
        assertThat(events.events()).extracting(Event::groupId).containsExactly(other);

        TestFrames.insert(env.frames(), group, 0);
        List<Event> seen = events.awaitAtLeast(3, WAIT);
        assertExactlyOnceInOrder(seen, Map.of(group, 2L, other, 1L));
    }

    @Test
    void anInvalidStoredResumeTokenFallsBackToTheScan() throws Exception {
        env.state().updateOne(Filters.eq("_id", "resume-token"),
                Updates.combine(Updates.set("token", new Document("_data", "8263ffffffff000000012b0229296e04")),
                        Updates.set("fence", 0L)),
                new UpdateOptions().upsert(true));
        String group = TestFrames.newGroup();
        for (long seq = 0; seq < 5; seq++) {
            TestFrames.insert(env.frames(), group, seq);
        }
        relay("a");
        EventLog events = log();
        List<Event> seen = events.awaitAtLeast(5, WAIT);
        TestFrames.insert(env.frames(), group, 5); // the stream runs after the fallback
        seen = events.awaitAtLeast(6, WAIT);
        assertExactlyOnceInOrder(seen, Map.of(group, 6L));
    }

    @Test
    void aStandbyTakesOverWhenTheLeaderStopsWithoutLosingOrReordering() throws Exception {
        ConfigurableApplicationContext a = relay("a");
        ConfigurableApplicationContext b = relay("b");
        EventLog events = log();
        String group = TestFrames.newGroup();
        for (long seq = 0; seq < 20; seq++) {
            TestFrames.insert(env.frames(), group, seq);
        }
        events.awaitAtLeast(20, WAIT);
        (currentLeader().equals("a") ? a : b).close();
        for (long seq = 20; seq < 40; seq++) {
            TestFrames.insert(env.frames(), group, seq);
        }
        List<Event> seen = events.awaitAtLeast(40, WAIT);
        Thread.sleep(300);
        assertExactlyOnceInOrder(events.events(), Map.of(group, 40L));
        assertThat(seen).hasSize(40);
    }

    @Test
    void aMalformedDocumentHoldsOnlyItsOwnGroup() throws Exception {
        ConfigurableApplicationContext context = relay("a");
        EventLog events = log();
        String broken = TestFrames.newGroup();
        String healthy = TestFrames.newGroup();
        TestFrames.insert(env.frames(), broken, 0);
        Document malformed = TestFrames.document(broken, 1, 0);
        malformed.remove("spFrame");
        env.frames().insertOne(malformed);
        TestFrames.insert(env.frames(), broken, 2);
        TestFrames.insert(env.frames(), healthy, 0);
        events.awaitAtLeast(2, WAIT);
        Thread.sleep(800);
        assertThat(events.events()).extracting(Event::key)
                .containsExactlyInAnyOrder(broken + ":0", healthy + ":0");
        assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("zrt.relay.errors").tag("kind", "malformed").counter().count()).isPositive();
    }

    @Test
    void healthShowsMongoNatsAndLagAndPrometheusShowsTheRelayMeters() throws Exception {
        ConfigurableApplicationContext context = env.startRelay("a", true, Map.of());
        cleanup.add(context::close);
        EventLog events = log();
        String group = TestFrames.newGroup();
        TestFrames.insert(env.frames(), group, 0);
        events.awaitAtLeast(1, WAIT);
        String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/actuator/health"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(health.body());
        assertThat(json.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(json.at("/components/nats/status").asString()).isEqualTo("UP");
        assertThat(json.at("/components/relay/status").asString()).isEqualTo("UP");
        // Details are private over HTTP (show-details: when-authorized); the indicator itself has them.
        assertThat(json.findValues("details")).isEmpty();
        var relayHealth = context.getBean("relayHealthIndicator",
                org.springframework.boot.health.contributor.HealthIndicator.class).health();
        assertThat(relayHealth.getDetails().get("role")).isEqualTo("leader");
        assertThat(relayHealth.getDetails().get("lagSeconds")).isInstanceOf(Number.class);

        var metrics = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("zrt_relay_published_total 1.0", "zrt_relay_duplicates_total",
                "zrt_relay_lag_seconds", "zrt_relay_leader 1.0", "zrt_relay_ack_latency_seconds",
                "zrt_relay_seq_conflicts_total 0.0", "zrt_relay_halted_groups 0.0");
    }

    @Test
    void lagIsTheAgeOfTheOldestUnrelayedFrameAndTurnsHealthDown() throws Exception {
        Document old = TestFrames.document(TestFrames.newGroup(), 1, 0); // seq 0 missing: it cannot be relayed
        old.put("createdAt", new java.util.Date(System.currentTimeMillis() - 120_000));
        env.frames().insertOne(old);
        ConfigurableApplicationContext context = relay("a");
        var lag = context.getBean(io.zrt.relay.health.LagMonitor.class).measure();
        assertThat(lag.lag()).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(180));
        var indicator = context.getBean("relayHealthIndicator",
                org.springframework.boot.health.contributor.HealthIndicator.class);
        assertThat(indicator.health().getStatus().getCode()).isEqualTo("DOWN");
    }

    @Test
    void anIdleRelayPausesBetweenEmptyReadsInsteadOfSpinning() throws Exception {
        // The embedded server answers an empty getMore at once (it ignores maxAwaitTimeMS); the relay used to
        // re-read in a tight loop, costing it and the server about half a core each while nothing happened.
        ConfigurableApplicationContext context = env.startRelay("a", false,
                Map.of("zrt.relay.change-stream.idle-poll", "50ms"));
        cleanup.add(context::close);
        EventLog events = log();
        var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        java.util.function.DoubleSupplier emptyReads = () -> registry.find("zrt.relay.stream.reads")
                .tag("result", "empty").counter().count();
        // The pause after an empty read grows 1, 2, 4, … 32 ms, then stays at idle-poll (50 ms): after 8 reads
        // every further one waits 50 ms, so 10 of them take at least 500 ms. The spinning loop made them in a few ms.
        awaitReads(emptyReads, 8);
        double before = emptyReads.getAsDouble();
        long start = System.nanoTime();
        awaitReads(emptyReads, before + 10);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        // and a frame inserted while idle is still relayed
        String group = TestFrames.newGroup();
        TestFrames.insert(env.frames(), group, 0);
        assertThat(events.awaitAtLeast(1, WAIT)).extracting(Event::key).containsExactly(group + ":0");
    }

    /** Waits until the counter reaches {@code atLeast} (or fails after {@link #WAIT}). */
    private static void awaitReads(java.util.function.DoubleSupplier counter, double atLeast)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counter.getAsDouble() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(counter.getAsDouble()).as("change-stream reads").isGreaterThanOrEqualTo(atLeast);
    }

    private String currentLeader() {
        Document lease = env.state().find(Filters.eq("_id", "leader")).first();
        assertThat(lease).isNotNull();
        return lease.getString("owner");
    }

    private void awaitAllRelayed() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (env.unrelayedCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(env.unrelayedCount()).isZero();
    }

    private void awaitResumeTokenStored() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Document token = env.state().find(Filters.eq("_id", "resume-token")).first();
            if (token != null && token.get("token") != null) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("resume token never stored");
    }

    /** Every (group, seq) below the expected count exactly once, and each group's seqs increasing. */
    static void assertExactlyOnceInOrder(List<Event> events, Map<String, Long> expectedCounts) {
        Map<String, List<Long>> byGroup = events.stream().collect(
                Collectors.groupingBy(Event::groupId, Collectors.mapping(Event::seq, Collectors.toList())));
        assertThat(byGroup.keySet()).containsExactlyInAnyOrderElementsOf(expectedCounts.keySet());
        expectedCounts.forEach((group, count) -> {
            List<Long> expected = java.util.stream.LongStream.range(0, count).boxed().toList();
            assertThat(byGroup.get(group)).as("seqs of group %s in stream order", group).isEqualTo(expected);
        });
    }
}
