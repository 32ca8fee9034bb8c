package io.zrt.bench.relay;

import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.bson.types.Binary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The relay (MongoDB insert → change stream → JetStream publish → ack → relayed marker) against the bare
 * JetStream publish it is built on, in the same run:
 * <ul>
 *   <li>{@code *Throughput}: batches of 100 frames, one per group over 100 groups; frames/s.</li>
 *   <li>{@code *Latency}: one probe frame at a time while a background load of about 1,000 frames/s runs
 *       through the same path; insert (or publish) until the frame reaches a JetStream consumer.</li>
 * </ul>
 * Run from the repository root after packaging the relay, e.g.
 * {@code java -jar benchmarks/target/benchmarks.jar 'io.zrt.bench.relay.*' -f 1 -wi 1 -i 3 -w 5s -r 5s}.
 */
@Fork(1)
public class RelayBenchmark {

    private static final int BATCH = 100;
    static final int LOAD_PER_SECOND = 1000;

    /** Relay running as a child process. */
    @State(Scope.Benchmark)
    public static class Relay {
        RelayBenchInfra infra;

        @Setup(Level.Trial)
        public void start() throws Exception {
            infra = new RelayBenchInfra(true);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            System.out.println("\nrelay's own insert-to-ack meters:\n" + infra.relayAckLatency());
            infra.close();
        }
    }

    /** No relay: the benchmark publishes to JetStream itself, with the relay's headers and body. */
    @State(Scope.Benchmark)
    public static class Raw {
        RelayBenchInfra infra;
        JetStream jetStream;

        @Setup(Level.Trial)
        public void start() throws Exception {
            infra = new RelayBenchInfra(false);
            jetStream = infra.nats.jetStream();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            infra.close();
        }

        CompletableFuture<PublishAck> publish(Document frame) {
            String key = RelayBenchInfra.key(frame);
            Headers headers = new Headers().put("Nats-Msg-Id", key)
                    .put("centrifugo-channels", "personal:" + frame.getString("groupId"))
                    .put("centrifugo-idempotency-key", key);
            String body = "{\"seq\":" + frame.getLong("seq") + ",\"epoch\":0,\"frame\":\""
                    + Base64.getEncoder().encodeToString(frame.get("spFrame", Binary.class).getData()) + "\"}";
            return jetStream.publishAsync(infra.prefix + ".personal." + frame.getString("groupId"), headers,
                    body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    /** About 1,000 frames/s in the background (10 frames every 10 ms) while latency is sampled. */
    abstract static class Load {
        private Thread thread;
        private volatile boolean running;

        abstract void send(List<Document> frames) throws Exception;

        abstract RelayBenchInfra infra();

        void startLoad() {
            running = true;
            thread = new Thread(() -> {
                long next = System.nanoTime();
                int group = 0;
                while (running) {
                    List<Document> batch = new ArrayList<>(10);
                    for (int i = 0; i < LOAD_PER_SECOND / 100; i++) {
                        batch.add(infra().nextFrame(1 + (group++ % (RelayBenchInfra.GROUPS - 1))));
                    }
                    try {
                        send(batch);
                    } catch (Exception e) {
                        return;
                    }
                    next += TimeUnit.MILLISECONDS.toNanos(10);
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            }, "bench-load");
            thread.setDaemon(true);
            thread.start();
        }

        void stopLoad() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    @State(Scope.Benchmark)
    public static class RelayLoad extends Load {
        Relay relay;

        @Setup(Level.Iteration)
        public void start(Relay relay) {
            this.relay = relay;
            startLoad();
        }

        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            stopLoad();
        }

        @Override
        void send(List<Document> frames) {
            relay.infra.frames.insertMany(frames);
        }

        @Override
        RelayBenchInfra infra() {
            return relay.infra;
        }
    }

    @State(Scope.Benchmark)
    public static class RawLoad extends Load {
        Raw raw;

        @Setup(Level.Iteration)
        public void start(Raw raw) {
            this.raw = raw;
            startLoad();
        }

        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            stopLoad();
        }

        @Override
        void send(List<Document> frames) throws Exception {
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
            for (Document frame : frames) {
                acks.add(raw.publish(frame));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
        }

        @Override
        RelayBenchInfra infra() {
            return raw.infra;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void relayThroughput(Relay relay) throws Exception {
        RelayBenchInfra infra = relay.infra;
        long target = infra.received.get() + BATCH;
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(infra.nextFrame(i % RelayBenchInfra.GROUPS));
        }
        infra.frames.insertMany(batch);
        infra.awaitReceived(target);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void rawJetStreamThroughput(Raw raw) throws Exception {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            acks.add(raw.publish(raw.infra.nextFrame(i % RelayBenchInfra.GROUPS)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();
    }

    /** Group 0 carries the probes; the load uses the other 99 groups. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void relayLatency(RelayLoad load) throws Exception {
        RelayBenchInfra infra = load.relay.infra;
        Document probe = infra.nextFrame(0);
        infra.frames.insertOne(probe);
        infra.awaitArrival(RelayBenchInfra.key(probe));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void rawJetStreamLatency(RawLoad load) throws Exception {
        RelayBenchInfra infra = load.raw.infra;
        Document probe = infra.nextFrame(0);
        load.raw.publish(probe).get();
        infra.awaitArrival(RelayBenchInfra.key(probe));
    }
}
