package io.zrt.transistor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many simultaneous readers of one item: exactly one gets it, all others get 404. */
class ConcurrentReadOnceTest extends TransistorTestBase {

    private static final int READERS = 32;

    @Test
    void exactlyOneConcurrentReaderGetsTheTransfer() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(postTransfer(transferJson(id, "only-once")).statusCode()).isEqualTo(201);
        Map<Integer, Long> statuses = race(uri("/transistor/v1/public/transfers/" + id));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 404, (long) READERS - 1));
    }

    @Test
    void exactlyOneConcurrentReaderGetsTheBlob() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> stored = send(HttpRequest.newBuilder(uri("/transistor/v1/public/blobs/" + id))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[200_000])));
        assertThat(stored.statusCode()).isEqualTo(201);
        Map<Integer, Long> statuses = race(uri("/transistor/v1/public/blobs/" + id));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 404, (long) READERS - 1));
    }

    /** Sends READERS GETs released at the same moment, each on its own thread; counts answers by status. */
    private Map<Integer, Long> race(java.net.URI target) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            CountDownLatch ready = new CountDownLatch(READERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                answers.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(target).GET().build();
                    ready.countDown();
                    go.await();
                    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            return codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
