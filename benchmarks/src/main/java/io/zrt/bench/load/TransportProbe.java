package io.zrt.bench.load;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The transport baseline: what the stack costs without the Node, the relay and the SDK. A message in the
 * relay's format (subject {@code events.personal.<id>}, headers {@code centrifugo-channels} and
 * {@code centrifugo-idempotency-key}, a small JSON body) is published straight to JetStream, and the time until
 * it arrives on a Centrifugo uni_sse connection subscribed to that channel is measured, one probe at a time.
 */
final class TransportProbe {

    /** Baseline figures: publish→SSE and the JetStream publish acknowledgement alone. */
    record Result(LatencyRecorder.Stats delivery, LatencyRecorder.Stats publishAck, int lost) {
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PROBE = Pattern.compile("\"probe\":(\\d+)");

    private final StackEndpoints stack;
    /** (probe number, arrival nanos) pairs as the SSE reader sees them; one probe is in flight at a time. */
    private final BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
    private final CountDownLatch connected = new CountDownLatch(1);

    TransportProbe(StackEndpoints stack) {
        if (!stack.canProbeTransport()) {
            throw new IllegalArgumentException("the transport baseline needs the NATS URL and the push secret");
        }
        this.stack = stack;
    }

    /** Sends {@code count} probes, each after the previous one arrived (or timed out), {@code gap} apart. */
    Result run(int count, Duration gap) throws IOException, InterruptedException {
        String id = "loadprobe-" + HexFormat.of().formatHex(random(8));
        String channel = "personal:" + id;
        String token = ConnectionTokens.forChannel(stack.pushSecret(), "load-probe", channel,
                Instant.now().plus(Duration.ofMinutes(10)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        String connect = URLEncoder.encode("{\"token\":\"" + token + "\"}", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.centrifugoUrl()
                + "/connection/uni_sse?cf_connect=" + connect)).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> read(response), "load-probe-sse");
        reader.setDaemon(true);
        reader.start();
        LatencyRecorder delivery = new LatencyRecorder(count);
        LatencyRecorder publishAck = new LatencyRecorder(count);
        int lost = 0;
        try (Connection nats = Nats.connect(stack.natsUrl())) {
            if (!connected.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the probe's uni_sse connection did not open");
            }
            JetStream jetStream = nats.jetStream();
            for (long probe = 0; probe < count; probe++) {
                String key = id + ":" + probe;
                Headers headers = new Headers().add("Nats-Msg-Id", key).add("centrifugo-channels", channel)
                        .add("centrifugo-idempotency-key", key);
                NatsMessage message = NatsMessage.builder().subject("events.personal." + id).headers(headers)
                        .data(("{\"probe\":" + probe + "}").getBytes(StandardCharsets.US_ASCII)).build();
                long start = System.nanoTime();
                PublishAck ack = publish(jetStream, message);
                long acked = System.nanoTime();
                if (ack == null) {
                    lost++;
                    continue;
                }
                publishAck.record(acked - start);
                Long arrived = awaitArrival(probe);
                if (arrived == null) {
                    lost++;
                } else {
                    delivery.record(Math.max(0, arrived - start));
                }
                Thread.sleep(gap.toMillis());
            }
        } finally {
            response.cancel(true);
            reader.interrupt();
        }
        return new Result(delivery.stats(), publishAck.stats(), lost);
    }

    private static PublishAck publish(JetStream jetStream, NatsMessage message) throws IOException {
        try {
            return jetStream.publish(message);
        } catch (io.nats.client.JetStreamApiException e) {
            return null;
        }
    }

    private Long awaitArrival(long probe) throws InterruptedException {
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            long[] arrival = left <= 0 ? null : arrivals.poll(left, TimeUnit.NANOSECONDS);
            if (arrival == null) {
                return null;
            }
            if (arrival[0] == probe) {
                return arrival[1];
            }
            // an earlier probe that arrived after its timeout: skip it
        }
    }

    /** SSE lines: {@code data: {...}}; the first data line is the connect reply, probes carry "probe":n. */
    private void read(CompletableFuture<HttpResponse<Stream<String>>> response) {
        try (Stream<String> lines = response.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).body()) {
            lines.forEach(line -> {
                long now = System.nanoTime();
                if (!line.startsWith("data:")) {
                    return;
                }
                Matcher matcher = PROBE.matcher(line);
                if (matcher.find()) {
                    arrivals.add(new long[] {Long.parseLong(matcher.group(1)), now});
                } else if (line.contains("\"connect\"")) {
                    connected.countDown();
                }
            });
        } catch (Exception e) {
            // cancelled at the end of the run, or the connection failed: missing probes are counted as lost
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
