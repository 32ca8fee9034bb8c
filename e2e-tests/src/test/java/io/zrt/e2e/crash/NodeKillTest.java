package io.zrt.e2e.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zrt.protocol.SPFrame;
import io.zrt.protocol.SPFrames;
import io.zrt.testkit.internal.FreePorts;
import io.zrt.testkit.internal.TempDirs;
import io.zrt.testkit.services.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * node-service on its embedded store, killed with SIGKILL 20 times while four client threads keep posting plain
 * frames to eight groups. After every restart (same data directory, same port) each frame the Node answered
 * with 201 is still in its log under the seq it was given, byte for byte, and no acknowledged seq was ever given
 * to another frame. The kills land wherever the load happens to be: between a write and its answer, inside a
 * commit, between two requests.
 */
class NodeKillTest {

    private static final int KILLS = 20;
    private static final int THREADS = 4;
    private static final int GROUPS_PER_THREAD = 2;
    /** New acknowledgements to wait for after each restart, so every kill hits a Node under load. */
    private static final int ACKS_BETWEEN_KILLS = 12;
    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
    private static final Path NODE_JAR = Path.of("..", "node-service", "target", "node-service.jar");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** What the Node acknowledged: group, seq, the frame's bytes. */
    private final Map<PlainGroup, NavigableMap<Long, byte[]>> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final Path dataDir = TempDirs.create("zrt-node-kill-");
    private final int port = FreePorts.loopback();
    private ServiceProcess node;

    @AfterEach
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(10_000);
        }
        if (node != null) {
            node.close();
        }
        TempDirs.deleteRecursively(dataDir);
    }

    @Test
    void everyAcknowledgedFrameSurvivesKillNineWithItsSeqAndBytes() throws Exception {
        node = startNode();
        List<PlainGroup> groups = new ArrayList<>();
        for (int i = 0; i < THREADS * GROUPS_PER_THREAD; i++) {
            PlainGroup group = new PlainGroup();
            acknowledged.put(group, new ConcurrentSkipListMap<>());
            assertThat(post(group, group.initFrame())).isEqualTo(0L);
            groups.add(group);
        }
        for (int t = 0; t < THREADS; t++) {
            List<PlainGroup> own = groups.subList(t * GROUPS_PER_THREAD, (t + 1) * GROUPS_PER_THREAD);
            Thread client = new Thread(() -> postUntilStopped(own), "kill-test-client-" + t);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }

        for (int kill = 1; kill <= KILLS; kill++) {
            int before = acks.get();
            await("acknowledgements before kill " + kill).atMost(Duration.ofSeconds(60))
                    .until(() -> acks.get() >= before + ACKS_BETWEEN_KILLS);
            node.kill();
            node = startNode();
            for (PlainGroup group : groups) {
                checkLogHoldsEverythingAcknowledged(group);
            }
            assertThat(violations).as("after kill %d", kill).isEmpty();
        }
        assertThat(acks.get()).isGreaterThanOrEqualTo(KILLS * ACKS_BETWEEN_KILLS);
    }

    private ServiceProcess startNode() {
        return ServiceProcess.start(NODE_JAR, Map.of(
                "server.port", Integer.toString(port),
                "zrt.node.embedded-mongo.data-dir", dataDir.toString(),
                "zrt.node.rate-limit.frames-per-group", "0",
                "zrt.node.rate-limit.challenges-per-group", "0",
                "zrt.node.rate-limit.per-client-address", "0")); // every load client is 127.0.0.1
    }

    private void postUntilStopped(List<PlainGroup> own) {
        int next = 0;
        while (running.get()) {
            PlainGroup group = own.get(next++ % own.size());
            try {
                post(group, group.plainFrame());
            } catch (IOException | RuntimeException notAcknowledged) {
                pause(); // the Node is down or restarting: the frame is in doubt, and in doubt is never checked
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Posts a frame; on 201 records the acknowledgement and returns its seq, else null. */
    private Long post(PlainGroup group, byte[] frame) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(base() + "/v1/group/" + group.id().text() + "/frames"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            return null;
        }
        Matcher seq = SEQ.matcher(response.body());
        if (!seq.find()) {
            violations.add("201 without a seq: " + response.body());
            return null;
        }
        long given = Long.parseLong(seq.group(1));
        byte[] earlier = acknowledged.get(group).putIfAbsent(given, frame);
        if (earlier != null && !Arrays.equals(earlier, frame)) {
            violations.add("group " + group.id().text() + ": seq " + given + " acknowledged for two frames");
        }
        acks.incrementAndGet();
        return given;
    }

    private void checkLogHoldsEverythingAcknowledged(PlainGroup group) throws Exception {
        NavigableMap<Long, byte[]> expected = new ConcurrentSkipListMap<>(acknowledged.get(group));
        Map<Long, byte[]> stored = new ConcurrentSkipListMap<>();
        long from = 0;
        while (true) {
            SPFrames page = readFrames(group, from, 1000);
            if (page == null) {
                violations.add("group " + group.id().text() + ": the acknowledged group is gone");
                return;
            }
            for (SPFrame frame : page.getFramesList()) {
                stored.put(frame.getSeq(), frame.getFrame().toByteArray());
            }
            if (!page.getHasMore() || page.getFramesCount() == 0) {
                break;
            }
            from = page.getNextSeq();
        }
        for (Map.Entry<Long, byte[]> entry : expected.entrySet()) {
            byte[] found = stored.get(entry.getKey());
            if (found == null) {
                violations.add("group " + group.id().text() + ": acknowledged seq " + entry.getKey() + " is gone");
            } else if (!Arrays.equals(found, entry.getValue())) {
                violations.add("group " + group.id().text() + ": seq " + entry.getKey() + " holds another frame");
            }
        }
    }

    /** One page of the group's log, read with a proof; null if the Node does not know the group. */
    private SPFrames readFrames(PlainGroup group, long fromSeq, int limit) throws Exception {
        String groupPath = base() + "/v1/group/" + group.id().text();
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(groupPath + "/challenge"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() == 404) {
            return null;
        }
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        Matcher value = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        assertThat(value.find()).as(issued.body()).isTrue();
        byte[] challenge = Base64.getUrlDecoder().decode(value.group(1));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(
                        URI.create(groupPath + "/frames?fromSeq=" + fromSeq + "&limit=" + limit))
                .timeout(Duration.ofSeconds(20))
                .header("ZRT-Epoch", "0").header("ZRT-Challenge", b64.encodeToString(challenge))
                .header("ZRT-Signature", b64.encodeToString(group.framesProof(challenge, fromSeq, limit)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).as(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return SPFrames.parseFrom(page.body());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
