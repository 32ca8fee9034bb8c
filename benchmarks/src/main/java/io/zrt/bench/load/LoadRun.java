package io.zrt.bench.load;

import io.zrt.client.GroupMessage;
import io.zrt.client.MessageListener;
import io.zrt.client.ZrtException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The paced sending phase. A single ticker offers {@code rate} messages per second, round-robin over the groups
 * and, within a group, over its members; each offer goes to that member's session on a sender thread unless
 * the member is still busy with its previous message (then the offer is counted as skipped rather than
 * queued, so a slow stack shows up as a lower achieved rate instead of an ever-growing backlog). A warm-up
 * period comes first; then the measured period; then the ticker stops, in-flight sends finish and the
 * remaining deliveries are awaited for a bounded time.
 *
 * <p>Per measured message: the time of {@code sendChat} (client-side build, encrypt and sign, the POST, and
 * processing the own frame: the "POST without delivery" baseline), and at every other member the time from just
 * before {@code sendChat} until its listener received the decrypted message over SSE.
 */
final class LoadRun {

    /** Everything the summary prints. */
    record Outcome(long offered, long skippedBusy, long sent, long sendErrors, Map<String, Long> errorKinds,
            long expectedDeliveries, long deliveries, long framesDeliveredInWindow, long listenerErrors,
            LatencyRecorder.Stats delivery, LatencyRecorder.Stats send, Duration window) {
    }

    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final int MAX_SAMPLES = 2_000_000;

    private final LoadGroups groups;
    private final int rate;
    private final int receiversPerMessage;
    private final LatencyRecorder deliveryLatency = new LatencyRecorder(MAX_SAMPLES);
    private final LatencyRecorder sendLatency = new LatencyRecorder(MAX_SAMPLES);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong skippedBusy = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong framesInWindow = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final AtomicLong numbers = new AtomicLong();
    private final Map<LoadGroups.Member, AtomicBoolean> busy = new ConcurrentHashMap<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    LoadRun(LoadGroups groups, int rate, int membersPerGroup) {
        this.groups = groups;
        this.rate = rate;
        this.receiversPerMessage = membersPerGroup - 1;
        groups.all().forEach(member -> busy.put(member, new AtomicBoolean()));
    }

    /** The listener of one member: counts every frame from others, times every measured chat. */
    MessageListener listener() {
        return new MessageListener() {
            @Override
            public void onMessage(GroupMessage message) {
                long now = System.nanoTime();
                if (message.fromMe()) {
                    return;
                }
                if (now >= windowStart && now <= windowEnd) {
                    framesInWindow.incrementAndGet();
                }
                for (String text : message.chats()) {
                    ChatStamp.parse(text).filter(ChatStamp::measured).ifPresent(stamp -> {
                        deliveryLatency.record(Math.max(0, now - stamp.sentNanos()));
                        deliveries.incrementAndGet();
                    });
                }
            }

            @Override
            public void onError(ZrtException error) {
                listenerErrors.incrementAndGet();
                errorKinds.computeIfAbsent("live: " + error.getClass().getSimpleName(), k -> new AtomicLong())
                        .incrementAndGet();
            }
        };
    }

    /** Runs {@code atStart} when the measured window opens and {@code atEnd} when it closes (main thread). */
    Outcome run(Duration warmup, Duration measured, Runnable atStart, Runnable atEnd) throws InterruptedException {
        List<LoadGroups.Member> order = roundRobin();
        int threads = Math.min(order.size(), 32);
        ExecutorService senders = Executors.newFixedThreadPool(threads, daemon("load-sender"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("load-ticker"));
        long start = System.nanoTime();
        windowStart = start + warmup.toNanos();
        windowEnd = windowStart + measured.toNanos();
        long period = Math.max(1, 1_000_000_000L / rate);
        AtomicLong tick = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= windowEnd) {
                return;
            }
            boolean inWindow = now >= windowStart;
            LoadGroups.Member member = order.get((int) (tick.getAndIncrement() % order.size()));
            if (inWindow) {
                offered.incrementAndGet();
            }
            AtomicBoolean memberBusy = busy.get(member);
            if (!memberBusy.compareAndSet(false, true)) {
                if (inWindow) {
                    skippedBusy.incrementAndGet();
                }
                return;
            }
            senders.execute(() -> {
                try {
                    send(member);
                } finally {
                    memberBusy.set(false);
                }
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, windowStart - System.nanoTime()));
        atStart.run();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, windowEnd - System.nanoTime()));
        atEnd.run();
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        senders.shutdownNow();
        long expected = sent.get() * receiversPerMessage;
        long drainDeadline = System.nanoTime() + DRAIN.toNanos();
        while (deliveries.get() < expected && System.nanoTime() < drainDeadline) {
            Thread.sleep(20);
        }
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
        return new Outcome(offered.get(), skippedBusy.get(), sent.get(), sendErrors.get(), kinds, expected,
                deliveries.get(), framesInWindow.get(), listenerErrors.get(), deliveryLatency.stats(),
                sendLatency.stats(), measured);
    }

    private void send(LoadGroups.Member member) {
        long started = System.nanoTime();
        boolean measured = started >= windowStart && started < windowEnd;
        ChatStamp stamp = new ChatStamp(measured, numbers.getAndIncrement(), started);
        try {
            member.session.sendChat(stamp.text());
            if (measured) {
                sendLatency.record(System.nanoTime() - started);
                sent.incrementAndGet();
            }
        } catch (ZrtException | RuntimeException e) {
            if (measured) {
                sendErrors.incrementAndGet();
            }
            errorKinds.computeIfAbsent("send: " + e.getClass().getSimpleName(), k -> new AtomicLong())
                    .incrementAndGet();
        }
    }

    /** Group 0 member 0, group 1 member 0, …, group 0 member 1, …: spreads the rate evenly. */
    private List<LoadGroups.Member> roundRobin() {
        int maxMembers = groups.all().stream().mapToInt(m -> m.index + 1).max().orElse(0);
        java.util.ArrayList<LoadGroups.Member> order = new java.util.ArrayList<>();
        for (int i = 0; i < maxMembers; i++) {
            for (int g = 0; g < groups.groupCount(); g++) {
                if (i < groups.group(g).size()) {
                    order.add(groups.group(g).get(i));
                }
            }
        }
        return order;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
