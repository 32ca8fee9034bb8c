package io.zrt.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Test helper: reads the {@code data:} lines of a server-sent-events stream on a background thread. */
public final class SseLines implements AutoCloseable {

    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status = -1;

    public SseLines(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET()
                .build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            try (Stream<String> lines = r.body()) {
                lines.filter(line -> line.startsWith("data:"))
                        .forEach(line -> data.add(line.substring(5).trim()));
            } catch (RuntimeException closed) {
                // stream ended or was cancelled
            }
        });
    }

    /** The first data line matching {@code condition} within {@code timeout}, or null. */
    public String await(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String next = data.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && condition.test(next)) {
                return next;
            }
        }
    }

    /** HTTP status of the stream response once headers arrived, -1 before. */
    public int status() {
        return status;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
