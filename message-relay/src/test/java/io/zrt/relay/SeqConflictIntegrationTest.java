package io.zrt.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.zrt.protocol.rules.PushMessageId;
import io.zrt.relay.publish.SeqConflicts;
import io.zrt.relay.support.EventLog;
import io.zrt.relay.support.EventLog.Event;
import io.zrt.relay.support.RelayTestEnv;
import io.zrt.relay.support.TestFrames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seqs are never silently reused downstream (issue 22): the relay against real embedded MongoDB and real NATS
 * JetStream, with the frames collection changed under it the way a restore does.
 */
class SeqConflictIntegrationTest {

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
    void theSameFrameRepublishedAfterARestartIsDroppedAsADuplicate() throws Exception {
        ConfigurableApplicationContext first = relay("a");
        EventLog events = log();
        String group = TestFrames.newGroup();
        for (long seq = 0; seq < 3; seq++) {
            TestFrames.insert(env.frames(), group, seq);
        }
        events.awaitAtLeast(3, WAIT);
        awaitUnrelayed(0);
        first.close();
        // the markers were lost (a crash between the acks and the marker write): the frames are published again
        env.frames().updateMany(Filters.eq("groupId", group), Updates.set("relayed", false));

        ConfigurableApplicationContext second = relay("b");
        MeterRegistry registry = second.getBean(MeterRegistry.class);
        await(() -> registry.find("zrt.relay.duplicates").counter().count() == 3, "three duplicate acks");
        awaitUnrelayed(0);
        assertThat(streamMessages()).isEqualTo(3);
        RelayIntegrationTest.assertExactlyOnceInOrder(events.events(), Map.of(group, 3L));
        assertThat(registry.find("zrt.relay.seq.conflicts").counter().count()).isZero();
        assertThat(registry.find("zrt.relay.halted.groups").gauge().value()).isZero();
    }

    @Test
    void aDifferentFrameAtAPublishedSeqAfterARestoreHaltsOnlyItsGroupUntilTheStreamIsRepaired() throws Exception {
        ConfigurableApplicationContext first = relay("a");
        EventLog events = log();
        String group = TestFrames.newGroup();
        String other = TestFrames.newGroup();
        for (long seq = 0; seq < 3; seq++) {
            TestFrames.insert(env.frames(), group, seq);
        }
        TestFrames.insert(env.frames(), other, 0);
        events.awaitAtLeast(4, WAIT);
        awaitUnrelayed(0);
        first.close();
        byte[] published = spFrameAt(group, 2);
        byte[] reused = restoreAndReuse(group, 2);

        ConfigurableApplicationContext second = relay("b");
        MeterRegistry registry = second.getBean(MeterRegistry.class);
        await(() -> counter(registry, "zrt.relay.seq.conflicts") == 1, "the conflict is detected");
        TestFrames.insert(env.frames(), group, 3);
        TestFrames.insert(env.frames(), other, 1);
        // the change stream hands both over in insert order: once the other group's frame is in the stream,
        // the halted group has had its seq 3 and let it go
        await(() -> events.events().stream().anyMatch(e -> e.key().equals(other + ":1")), "the other group flows");
        assertThat(events.events()).extracting(Event::key)
                .containsExactlyInAnyOrder(group + ":0", group + ":1", group + ":2", other + ":0", other + ":1");
        assertThat(eventAt(events, group, 2).spFrame()).isEqualTo(published);
        assertThat(env.unrelayedCount()).isEqualTo(2); // the reused seq 2 and seq 3 wait
        assertThat(registry.find("zrt.relay.halted.groups").gauge().value()).isEqualTo(1);
        Health health = second.getBean("relayHealthIndicator", HealthIndicator.class).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.getDetails().get("haltedGroups")).isEqualTo(Map.of(group, conflictDescription(second, group)));
        SeqConflicts.Conflict conflict = second.getBean(SeqConflicts.class).halted().get(group);
        assertThat(conflict.seq()).isEqualTo(2);
        assertThat(conflict.publishedDigest()).isEqualTo(PushMessageId.digest(published));
        assertThat(conflict.storedDigest()).isEqualTo(PushMessageId.digest(reused));

        // The operator keeps the log's version (docs/operations.md): removes the stale message from the stream.
        try (Connection nats = Nats.connect(env.natsUrl)) {
            assertThat(nats.jetStreamManagement().deleteMessage(env.stream, conflict.streamSeq())).isTrue();
        }
        await(() -> events.events().stream().anyMatch(e -> e.key().equals(group + ":3")), "the group resumes");
        awaitUnrelayed(0);
        List<Event> seen = events.events().stream().filter(e -> e.groupId().equals(group)).toList();
        assertThat(seen).extracting(Event::seq).containsExactly(0L, 1L, 2L, 2L, 3L);
        assertThat(seen.get(3).spFrame()).isEqualTo(reused);
        assertThat(seen.get(3).msgId()).isEqualTo(group + ":2:" + PushMessageId.digest(reused));
        assertThat(second.getBean(SeqConflicts.class).halted()).isEmpty();
        assertThat(registry.find("zrt.relay.halted.groups").gauge().value()).isZero();
        assertThat(counter(registry, "zrt.relay.seq.conflicts")).isEqualTo(1);
    }

    @Test
    void aFrameReplacedUnderARunningRelayHaltsItsGroupInsteadOfBeingMarkedRelayed() throws Exception {
        ConfigurableApplicationContext context = relay("a");
        EventLog events = log();
        String group = TestFrames.newGroup();
        String other = TestFrames.newGroup();
        for (long seq = 0; seq < 3; seq++) {
            TestFrames.insert(env.frames(), group, seq);
        }
        events.awaitAtLeast(3, WAIT);
        awaitUnrelayed(0);
        MeterRegistry registry = context.getBean(MeterRegistry.class);

        restoreAndReuse(group, 2);
        await(() -> counter(registry, "zrt.relay.seq.conflicts") == 1, "the conflict is detected");
        TestFrames.insert(env.frames(), group, 3);
        TestFrames.insert(env.frames(), other, 0);
        await(() -> events.events().stream().anyMatch(e -> e.key().equals(other + ":0")), "the other group flows");
        assertThat(events.events()).extracting(Event::key)
                .containsExactlyInAnyOrder(group + ":0", group + ":1", group + ":2", other + ":0");
        assertThat(env.frames().find(Filters.and(Filters.eq("groupId", group), Filters.eq("seq", 2L))).first()
                .getBoolean("relayed")).isFalse();
        assertThat(context.getBean(SeqConflicts.class).isHalted(group)).isTrue();
    }

    @Test
    void messagesPublishedUnderTheOldIdsAreCheckedByTheirBody() throws Exception {
        String group = TestFrames.newGroup();
        String intact = TestFrames.newGroup();
        Document reused = TestFrames.document(group, 0, 0);
        Document same = TestFrames.document(intact, 0, 0);
        try (Connection nats = Nats.connect(env.natsUrl)) {
            nats.jetStreamManagement().addStream(io.nats.client.api.StreamConfiguration.builder().name(env.stream)
                    .subjects(env.subjectPrefix + ".>").duplicateWindow(Duration.ofMinutes(2)).build());
            // what the previous relay version published: id <groupId>:<seq>, the same body
            publishOldStyle(nats, group, 0, "an older frame at seq 0".getBytes(StandardCharsets.UTF_8));
            publishOldStyle(nats, intact, 0, same.get("spFrame", Binary.class).getData());
        }
        env.frames().insertOne(reused);
        env.frames().insertOne(same);

        ConfigurableApplicationContext context = relay("a");
        SeqConflicts conflicts = context.getBean(SeqConflicts.class);
        await(() -> conflicts.isHalted(group), "the reused seq is found from the old message's body");
        await(() -> env.frames().find(Filters.and(Filters.eq("groupId", intact), Filters.eq("relayed", true)))
                .first() != null, "the intact group is relayed");
        assertThat(conflicts.halted()).containsOnlyKeys(group);
        assertThat(conflicts.halted().get(group).publishedDigest())
                .isEqualTo(PushMessageId.digest("an older frame at seq 0".getBytes(StandardCharsets.UTF_8)));
    }

    private void publishOldStyle(Connection nats, String group, long seq, byte[] spFrame) throws Exception {
        String id = group + ":" + seq;
        io.nats.client.impl.Headers headers = new io.nats.client.impl.Headers().add("Nats-Msg-Id", id)
                .add("centrifugo-channels", "personal:" + group).add("centrifugo-idempotency-key", id);
        String body = "{\"seq\":" + seq + ",\"epoch\":0,\"frame\":\""
                + java.util.Base64.getEncoder().encodeToString(spFrame) + "\"}";
        nats.jetStream().publish(io.nats.client.impl.NatsMessage.builder()
                .subject(env.subjectPrefix + ".personal." + group).headers(headers)
                .data(body.getBytes(StandardCharsets.US_ASCII)).build());
    }

    /** What a restore does to the group: its frame at {@code seq} is gone and the Node gives seq to another. */
    private byte[] restoreAndReuse(String group, long seq) {
        env.frames().deleteOne(Filters.and(Filters.eq("groupId", group), Filters.eq("seq", seq)));
        byte[] reused = ("another key update at seq " + seq).getBytes(StandardCharsets.UTF_8);
        Document document = TestFrames.document(group, seq, 0);
        document.put("spFrame", new Binary(reused));
        env.frames().insertOne(document);
        return reused;
    }

    private static String conflictDescription(ConfigurableApplicationContext context, String group) {
        return context.getBean(SeqConflicts.class).halted().get(group).describe();
    }

    private byte[] spFrameAt(String group, long seq) {
        return env.frames().find(Filters.and(Filters.eq("groupId", group), Filters.eq("seq", seq))).first()
                .get("spFrame", Binary.class).getData();
    }

    private static Event eventAt(EventLog events, String group, long seq) {
        return events.events().stream().filter(e -> e.key().equals(group + ":" + seq)).findFirst().orElseThrow();
    }

    private long streamMessages() throws Exception {
        try (Connection nats = Nats.connect(env.natsUrl)) {
            return nats.jetStreamManagement().getStreamInfo(env.stream).getStreamState().getMsgCount();
        }
    }

    private static double counter(MeterRegistry registry, String name) {
        var counter = registry.find(name).counter();
        return counter == null ? -1 : counter.count();
    }

    private void awaitUnrelayed(long count) throws InterruptedException {
        await(() -> env.unrelayedCount() == count, count + " unrelayed frames");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
