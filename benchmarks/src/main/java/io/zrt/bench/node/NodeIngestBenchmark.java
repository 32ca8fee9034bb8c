package io.zrt.bench.node;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.Frame;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.rules.Frames;
import io.zrt.protocol.rules.GroupId;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bson.Document;
import org.bson.types.Binary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Plain-frame ingest end to end: POST /v1/group/{id}/frames to a node-service process (parse, Schnorr
 * verification with the tree key, nonce and epoch checks, log insert, snapshot compare-and-set), against a
 * raw insert of the same frames document into the same MongoDB. The ratio is what the Node's checks and its
 * HTTP layer cost on top of the one write that any design needs.
 *
 * <p>MongoDB is a mongo-java-server (in-memory backend) in the benchmark JVM; the Node runs as a separate
 * process from {@code node-service/target/node-service.jar} (override with {@code -Dzrt.node.jar=...}), with
 * rate limits off, and warmed with 1000 frames ({@code -Dzrt.bench.node.warmup=n}) before JMH starts. Frames
 * are signed before each iteration, so client-side signing is not measured. Build:
 * {@code ./mvnw -B -q -pl node-service -am -DskipTests package}; run:
 * {@code java -jar benchmarks/target/benchmarks.jar NodeIngest -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NodeIngestBenchmark {

    private static final MediaType PROTOBUF = MediaType.get("application/x-protobuf");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PAYLOAD_LENGTH = 256;

    /** MongoDB, the Node process and one group at epoch 0, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Server {
        MongoServer mongo;
        MongoClient client;
        MongoCollection<Document> rawFrames;
        Process node;
        Path workDir;
        String framesUrl;
        GroupId group;
        CortadoKeyPair treeKey;
        /** Signed plain frames not yet sent; refilled before each iteration. */
        final ConcurrentLinkedQueue<byte[]> ready = new ConcurrentLinkedQueue<>();
        final AtomicLong rawSeq = new AtomicLong();
        /** Frames the baseline stores round robin (it checks nothing, so signing fresh ones would be waste). */
        final List<byte[]> templates = new ArrayList<>();
        int refill = 4000;

        @Setup(Level.Trial)
        public void start() throws Exception {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress address = mongo.getLocalAddress();
            String uri = "mongodb://127.0.0.1:" + address.getPort();
            client = MongoClients.create(uri);
            // The baseline collection has the same unique indexes as the Node's frames collection.
            rawFrames = client.getDatabase("raw").getCollection("frames");
            rawFrames.createIndex(Indexes.ascending("groupId", "seq"), new IndexOptions().unique(true));
            rawFrames.createIndex(Indexes.ascending("groupId", "nonce"), new IndexOptions().unique(true));

            int port = freePort();
            workDir = Files.createTempDirectory("zrt-bench-node-");
            Path jar = Path.of(System.getProperty("zrt.node.jar", "node-service/target/node-service.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("build the Node first; no jar at " + jar.toAbsolutePath());
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toAbsolutePath().toString(), "--server.port=" + port, "--management.server.port=" + port,
                    "--spring.mongodb.uri=" + uri,
                    "--zrt.node.database=node", "--zrt.node.rate-limit.frames-per-group=0",
                    "--zrt.node.rate-limit.challenges-per-group=0", "--zrt.node.rate-limit.per-client-address=0",
                    "--zrt.node.verifications.max-concurrent-per-address=1024", "--logging.level.root=WARN"));
            node = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("node.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base);

            group = GroupId.random(RANDOM);
            framesUrl = base + "/v1/group/" + group.text() + "/frames";
            MemberView owner = MemberView.createGroup(pathSecret());
            treeKey = CortadoKeyPair.fromSecret(owner.treeKey());
            CortadoKeyPair identity = CortadoKeyPair.generate(RANDOM);
            Frame init = Frames.signInit(Frames.withPayload(Frames.header(group, 0, Frames.newNonce(RANDOM),
                    Frames.init(identity.publicKey(), owner.publicTree())), payload()), identity);
            post(new OkHttpClient(), framesUrl, init.toByteArray());
            for (int i = 0; i < 64; i++) {
                templates.add(plainFrame());
            }
            // The Node is a JVM of its own: JMH's warm-up iterations alone give it too few requests to compile
            // its hot path, so it is warmed here (frames signed first, so that only the Node is exercised).
            List<byte[]> warmUp = IntStream.range(0, Integer.getInteger("zrt.bench.node.warmup", 1000)).parallel()
                    .mapToObj(i -> plainFrame()).toList();
            OkHttpClient http = new OkHttpClient();
            for (byte[] frame : warmUp) {
                post(http, framesUrl, frame);
            }
        }

        /** Enough signed frames for the coming iteration: twice what the last one used, at least 4000. */
        @Setup(Level.Iteration)
        public void sign() {
            int missing = refill - ready.size();
            IntStream.range(0, Math.max(0, missing)).parallel().forEach(i -> ready.add(plainFrame()));
        }

        @TearDown(Level.Iteration)
        public void resize() {
            refill = Math.max(refill, 2 * (refill - ready.size()));
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            node.destroy();
            node.waitFor(20, TimeUnit.SECONDS);
            client.close();
            mongo.shutdownNow();
        }

        byte[] nextFrame() {
            byte[] frame = ready.poll();
            return frame != null ? frame : plainFrame(); // only if the refill estimate was short
        }

        private byte[] plainFrame() {
            return Frames.signPlain(Frames.withPayload(Frames.header(group, 0, Frames.newNonce(RANDOM), null),
                    payload()), treeKey).toByteArray();
        }

        private void awaitHealthy(String base) throws InterruptedException, IOException {
            OkHttpClient http = new OkHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!node.isAlive()) {
                    throw new IllegalStateException("the Node exited: " + Files.readString(workDir.resolve("node.log")));
                }
                try (Response r = http.newCall(new Request.Builder().url(base + "/actuator/health").build()).execute()) {
                    if (r.code() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the Node did not become healthy");
        }
    }

    @State(Scope.Thread)
    public static class Client {
        OkHttpClient http;

        @Setup(Level.Trial)
        public void open() {
            http = new OkHttpClient();
        }

        @TearDown(Level.Trial)
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Benchmark
    public String httpPostPlainFrame(Server server, Client client) throws IOException {
        return post(client.http, server.framesUrl, server.nextFrame());
    }

    /** The document the Node's frame log writes (docs/node-service.md), inserted directly. */
    @Benchmark
    public Object rawInsertOfTheFrameDocument(Server server) {
        long seq = server.rawSeq.incrementAndGet();
        byte[] frame = server.templates.get((int) (seq % server.templates.size()));
        byte[] nonce = Frames.newNonce(RANDOM);
        Date now = new Date();
        byte[] spFrame = SPFrame.newBuilder().setSeq(seq).setCreated(now.getTime()).setFrame(parse(frame)).build()
                .toByteArray();
        Document doc = new Document("_id", server.group.text() + ":" + seq).append("groupId", server.group.text())
                .append("seq", seq).append("epoch", 0L).append("op", "plain").append("nonce", new Binary(nonce))
                .append("frame", new Binary(frame)).append("spFrame", new Binary(spFrame)).append("createdAt", now)
                .append("relayed", false);
        return server.rawFrames.insertOne(doc).getInsertedId();
    }

    private static Frame parse(byte[] frame) {
        try {
            return Frame.parseFrom(frame);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String post(OkHttpClient http, String url, byte[] frame) throws IOException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(frame, PROTOBUF)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != 201) {
                throw new IllegalStateException("expected 201 but got " + response.code() + ": " + body);
            }
            return body;
        }
    }

    private static byte[] payload() {
        byte[] payload = new byte[PAYLOAD_LENGTH];
        RANDOM.nextBytes(payload);
        return payload;
    }

    private static Scalar pathSecret() {
        BigInteger candidate;
        do {
            candidate = new BigInteger(252, RANDOM);
        } while (candidate.signum() == 0);
        return Scalar.of(candidate);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
