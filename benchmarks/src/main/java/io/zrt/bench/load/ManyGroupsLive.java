package io.zrt.bench.load;

import io.zrt.client.GroupMessage;
import io.zrt.client.GroupSession;
import io.zrt.client.Identity;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.MessageListener;
import io.zrt.client.StateKey;
import io.zrt.client.StateKeys;
import io.zrt.client.Subscription;
import io.zrt.client.ZrtClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many groups live on one client (issue 15): one {@link ZrtClient} subscribes 1, 100 and 1,000 groups on the
 * full local stack (node-service, relay, NATS JetStream, Centrifugo), and a second client posts chat messages
 * round-robin over those groups (a copy of the same member's session: plain frames, no proofs). Reported per
 * group count, in the same run: live connections, threads (all, and the SDK's and OkHttp's), heap per group
 * (after GC, sessions and live state), time until every group is connected, and POST→listener delivery latency
 * (p50/p99) as ratios to the single-group run and to the raw JetStream→SSE transport baseline. Figures, not
 * assertions: docs/client-sdk.md, "Many groups on one client".
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.zrt.bench.load.ManyGroupsLive [--groups 1,100,1000]
 *     [--messages 300] [--rate 30] [--repo .]
 * </pre>
 */
public final class ManyGroupsLive {

    private static final Duration CONNECT_WAIT = Duration.ofMinutes(5);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private ManyGroupsLive() {
    }

    /** One measured group count. */
    record Row(int groups, int connections, int threads, int sdkThreads, int okHttpThreads, double sessionKiB,
            double liveKiB, double connectSeconds, LatencyRecorder.Stats delivery, LatencyRecorder.Stats send,
            long lost) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(1, 100, 1000);
        int messages = 300;
        int rate = 30;
        Path repo = Path.of(".");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--groups" -> counts = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf)
                        .toList();
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--repo" -> repo = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int status = 0;
        System.out.println("== starting the local stack");
        try (LocalStack stack = LocalStack.start(repo)) {
            StackEndpoints endpoints = stack.endpoints();
            TransportProbe.Result baseline = new TransportProbe(endpoints).run(100, Duration.ofMillis(10));
            List<Row> rows = new ArrayList<>();
            for (int groups : counts) {
                System.out.printf("== %d groups%n", groups);
                Row row = measure(endpoints, groups, messages, rate);
                rows.add(row);
                if (row.lost() > 0) {
                    status = 3;
                }
            }
            print(rows, baseline);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static Row measure(StackEndpoints stack, int groups, int messages, int rate) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Identity me = Identity.generate();
        long heapBase = usedHeapAfterGc(memory);
        LatencyRecorder delivery = new LatencyRecorder(messages * 2);
        LatencyRecorder send = new LatencyRecorder(messages * 2);
        AtomicLong received = new AtomicLong();
        // both clients hold the same state key: the sender restores copies of the receiver's sealed exports
        StateKeys keys = StateKeys.of(StateKey.generate("bench", new java.security.SecureRandom()));
        try (ZrtClient receiver = ZrtClient.builder().nodeUrl(stack.nodeUrl()).centrifugoUrl(stack.centrifugoUrl())
                .keyUpdatePolicy(KeyUpdatePolicy.manual()).stateKeys(keys).build();
                ZrtClient sender = ZrtClient.builder().nodeUrl(stack.nodeUrl())
                        .keyUpdatePolicy(KeyUpdatePolicy.manual()).stateKeys(keys).build()) {
            List<GroupSession> live = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                live.add(receiver.createGroup(me, "me", "many-" + g));
            }
            long heapSessions = usedHeapAfterGc(memory);
            MessageListener listener = message -> {
                long now = System.nanoTime();
                for (String text : message.chats()) {
                    if (text.startsWith("t=")) {
                        delivery.record(Math.max(0, now - Long.parseLong(text.substring(2, text.indexOf(' ')))));
                        received.incrementAndGet();
                    }
                }
            };
            long connectStart = System.nanoTime();
            List<Subscription> subscriptions = new ArrayList<>();
            for (GroupSession session : live) {
                subscriptions.add(session.subscribe(listener));
            }
            long deadline = System.nanoTime() + CONNECT_WAIT.toNanos();
            while (!subscriptions.stream().allMatch(Subscription::isConnected)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every group connected within " + CONNECT_WAIT);
                }
                Thread.sleep(20);
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            // the catch-ups after each group's first connection (2 reads per group, 8 at a time) finish first
            Thread.sleep(1000 + 10L * groups);
            long heapLive = usedHeapAfterGc(memory);
            int threads = Thread.activeCount();
            int sdk = countThreads("zrt-");
            int okHttp = countThreads("OkHttp");
            int connections = receiver.liveConnections();

            List<GroupSession> copies = new ArrayList<>();
            for (GroupSession session : live) {
                copies.add(sender.restore(me, session.serialize()));
            }
            for (int i = 0; i < Math.min(50, messages); i++) { // warm-up, not recorded
                copies.get(i % copies.size()).sendChat("warm-up " + i);
            }
            long period = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next += period;
                GroupSession copy = copies.get(i % copies.size());
                long started = System.nanoTime();
                copy.sendChat("t=" + started + " message " + i);
                send.record(System.nanoTime() - started);
            }
            long drain = System.nanoTime() + DRAIN.toNanos();
            while (received.get() < messages && System.nanoTime() < drain) {
                Thread.sleep(20);
            }
            subscriptions.forEach(Subscription::close);
            return new Row(groups, connections, threads, sdk, okHttp,
                    (heapSessions - heapBase) / 1024.0 / groups, (heapLive - heapSessions) / 1024.0 / groups,
                    connectSeconds, delivery.stats(), send.stats(), messages - received.get());
        }
    }

    private static int countThreads(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void print(List<Row> rows, TransportProbe.Result baseline) {
        LatencyRecorder.Stats raw = baseline.delivery();
        Row one = rows.get(0);
        System.out.println();
        System.out.printf(Locale.ROOT, "raw JetStream publish -> SSE (transport baseline): p50 %.2f ms, p99 %.2f ms%n",
                raw.p50Millis(), raw.p99Millis());
        System.out.println("| groups | live connections | threads (all / zrt-* / OkHttp*) | heap per group: "
                + "session / live | all connected after | delivery p50 | delivery p99 | p50 vs 1 group | "
                + "p50 vs transport | sendChat p50 | lost |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d / %d / %d | %.1f KiB / %.1f KiB | %.1f s | %.1f ms | "
                            + "%.1f ms | %.2f× | %.1f× | %.1f ms | %d |%n",
                    r.groups(), r.connections(), r.threads(), r.sdkThreads(), r.okHttpThreads(), r.sessionKiB(),
                    r.liveKiB(), r.connectSeconds(), r.delivery().p50Millis(), r.delivery().p99Millis(),
                    r.delivery().p50Millis() / Math.max(1e-9, one.delivery().p50Millis()),
                    r.delivery().p50Millis() / Math.max(1e-9, raw.p50Millis()), r.send().p50Millis(), r.lost());
        }
    }
}
