package io.zrt.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.zrt.relay.support.EventLog;
import io.zrt.relay.support.EventLog.Event;
import io.zrt.relay.support.RelayProcess;
import io.zrt.relay.support.RelayTestEnv;
import io.zrt.relay.support.TcpProxy;
import io.zrt.relay.support.TestFrames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 frames over 100 groups while two relay processes are killed with SIGKILL and restarted at random
 * moments (at least ten times) and every NATS connection of the relays is cut once. A JetStream consumer must
 * see every (group, seq) exactly once and every group's seqs in increasing order.
 */
class RelayChaosTest {

    private static final Logger log = LoggerFactory.getLogger(RelayChaosTest.class);
    private static final int GROUPS = 100;
    private static final int FRAMES = 10_000;
    private static final int MIN_KILLS = 10;

    @Test
    void noFrameIsLostDuplicatedOrReorderedAcrossKillsAndANatsCut() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        log.info("chaos seed {}", seed);
        Path logDir = Path.of("target", "chaos-logs", String.valueOf(seed));
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            groups.add(TestFrames.newGroup());
        }
        try (RelayTestEnv env = new RelayTestEnv(); TcpProxy proxy = new TcpProxy(env.natsUrl)) {
            AtomicInteger generation = new AtomicInteger();
            RelayProcess[] relays = new RelayProcess[2];
            java.util.function.IntFunction<RelayProcess> launch = slot -> {
                String id = "r" + slot + "-" + generation.incrementAndGet();
                Map<String, String> properties = env.relayProperties(id);
                properties.put("zrt.relay.nats.url", proxy.url());
                properties.put("zrt.relay.nats.publish-timeout", "2s");
                // the embedded MongoDB answers slowly under this load: a lease of 2 s would change hands spuriously
                properties.put("zrt.relay.lease.ttl", "4s");
                properties.put("zrt.relay.lease.renew-interval", "1s");
                try {
                    return RelayProcess.start(properties, logDir.resolve(id + ".log"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            try {
                relays[0] = launch.apply(0);
                relays[1] = launch.apply(1);
                try (EventLog events = env.eventLog()) {
                    AtomicBoolean inserting = new AtomicBoolean(true);
                    Thread producer = new Thread(() -> insertAll(env, groups, random.nextLong(), inserting),
                            "producer");
                    producer.start();

                    int kills = 0;
                    boolean cut = false;
                    long started = System.nanoTime();
                    while (inserting.get() || kills < MIN_KILLS) {
                        Thread.sleep(1500 + random.nextInt(2000));
                        if (!cut && kills == 4) {
                            log.info("cutting every NATS connection of the relays for 1.5 s");
                            proxy.cutFor(1500);
                            cut = true;
                            continue;
                        }
                        int slot = pickVictim(env, relays, random);
                        log.info("killing {} (kill {})", relays[slot].instanceId(), kills + 1);
                        relays[slot].kill();
                        kills++;
                        if (random.nextBoolean()) {
                            Thread.sleep(random.nextInt(1500)); // sometimes both are briefly gone
                        }
                        relays[slot] = launch.apply(slot);
                        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(4));
                    }
                    producer.join();
                    assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
                    assertThat(cut).isTrue();

                    List<Event> seen = events.awaitAtLeast(FRAMES, Duration.ofSeconds(120));
                    Thread.sleep(1000); // a late duplicate would show up now
                    seen = events.events();
                    log.info("consumer saw {} messages after {} kills", seen.size(), kills);
                    assertExactlyOnceInOrder(seen, groups);
                    awaitNoUnrelayed(env);
                }
            } finally {
                for (RelayProcess relay : relays) {
                    if (relay != null) {
                        relay.kill();
                    }
                }
            }
        }
    }

    /** Mostly the current leader (that is where kills hurt), sometimes the standby. */
    private static int pickVictim(RelayTestEnv env, RelayProcess[] relays, Random random) {
        Document lease = env.state().find(Filters.eq("_id", "leader")).first();
        String leader = lease == null ? "" : lease.getString("owner");
        for (int slot = 0; slot < relays.length; slot++) {
            if (relays[slot].instanceId().equals(leader) && random.nextInt(10) < 8) {
                return slot;
            }
        }
        return random.nextInt(relays.length);
    }

    private static void insertAll(RelayTestEnv env, List<String> groups, long seed, AtomicBoolean inserting) {
        Random random = new Random(seed);
        Map<String, Long> next = new HashMap<>();
        try {
            for (int i = 0; i < FRAMES; i++) {
                String group = groups.get(random.nextInt(groups.size()));
                long seq = next.merge(group, 1L, Long::sum) - 1;
                TestFrames.insert(env.frames(), group, seq);
                if (i % 50 == 49) {
                    Thread.sleep(100); // about 400 frames/s: the run spans the kills
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inserting.set(false);
        }
    }

    private static void assertExactlyOnceInOrder(List<Event> events, List<String> groups) {
        assertThat(events).hasSize(FRAMES);
        Map<String, List<Long>> byGroup = events.stream().collect(
                Collectors.groupingBy(Event::groupId, Collectors.mapping(Event::seq, Collectors.toList())));
        assertThat(groups).containsAll(byGroup.keySet());
        byGroup.forEach((group, seqs) -> {
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as("position %d of group %s", i, group).isEqualTo(i);
            }
        });
    }

    private static void awaitNoUnrelayed(RelayTestEnv env) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (env.unrelayedCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(env.unrelayedCount()).isZero();
    }
}
