package io.zrt.transistor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seeded, bounded fuzzing of every Transistor endpoint: mutated and random documents, bodies, ids, media types,
 * methods and paths. Whatever the input, the answer is never a 5xx, every refusal is a problem document, and
 * the service keeps serving valid requests. A failure prints the seed and the request, so it can be replayed.
 */
class TransistorFuzzTest extends TransistorTestBase {

    private static final long SEED = 0x7A52_7F00L;
    private static final int REQUESTS = 600;
    private static final List<String> MEDIA_TYPES = List.of("application/vnd.api+json", "application/json",
            "application/octet-stream", "text/plain", "application/json; charset=utf-16", "*/*", "bogus",
            "application/vnd.api+json; ext=x", "multipart/form-data; boundary=x");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true",
            "1e999999", "-0", "\\u0000", "\\ud800", "\"data\"", "\"id\"", "\"attributes\"", "\"type\"", "\u00ff",
            "\"transfers\"", "{\"data\":", "9".repeat(400));

    @Test
    void noInputProducesA5xxAndTheServiceKeepsWorking() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = randomRequest(random);
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String where = "request " + i + " of seed " + SEED + ": " + request.method() + " " + request.uri()
                    + " -> " + response.statusCode() + " " + response.body();
            assertThat(response.statusCode()).as(where).isBetween(200, 499);
            if (response.statusCode() >= 400 && !"HEAD".equals(request.method())) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(where)
                        .startsWith("application/problem+json");
            }
        }
        UUID id = UUID.randomUUID();
        assertThat(postTransfer(transferJson(id, "still-here")).statusCode()).isEqualTo(201);
        assertThat(getTransfer(id.toString()).statusCode()).isEqualTo(200);
    }

    private HttpRequest randomRequest(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> post("/transistor/v1/public/transfers", mutatedTransfer(random), random);
            case 2 -> HttpRequest.newBuilder(uri("/transistor/v1/public/blobs/" + randomId(random)))
                    .header("Content-Type", pick(random, MEDIA_TYPES))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(randomBytes(random, random.nextInt(2048))))
                    .build();
            case 3 -> HttpRequest.newBuilder(uri("/transistor/v1/public/"
                            + (random.nextBoolean() ? "transfers/" : "blobs/") + randomId(random)))
                    .header("Accept", pick(random, MEDIA_TYPES)).GET().build();
            default -> HttpRequest.newBuilder(uri(randomPath(random)))
                    .header("Content-Type", pick(random, MEDIA_TYPES))
                    .method(pick(random, METHODS), random.nextBoolean()
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(randomBytes(random, random.nextInt(512))))
                    .build();
        };
    }

    private HttpRequest post(String path, byte[] body, Random random) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", random.nextInt(4) == 0 ? pick(random, MEDIA_TYPES) : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** A valid document with a few edits: byte flips, cuts, inserted fragments, or deep nesting. */
    private static byte[] mutatedTransfer(Random random) {
        String valid = transferJson(random.nextInt(8) == 0 ? UUID.randomUUID() : new UUID(random.nextLong(),
                random.nextLong()), "payload-" + random.nextInt(1000));
        if (random.nextInt(20) == 0) {
            String open = "{\"data\":".repeat(2000);
            return (open + "1" + "}".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, pick(random, FRAGMENTS));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                default -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static String randomId(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 1 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase();
            case 2 -> encode(new String(randomBytes(random, 1 + random.nextInt(40)), StandardCharsets.ISO_8859_1));
            default -> "%00" + encode(new UUID(random.nextLong(), random.nextLong()).toString());
        };
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder(random.nextBoolean() ? "/transistor/v1/public" : "");
        int segments = random.nextInt(4);
        for (int s = 0; s < segments; s++) {
            path.append('/').append(random.nextBoolean() ? pick(random, List.of("transfers", "blobs", "..", "."))
                    : encode(new String(randomBytes(random, 1 + random.nextInt(12)), StandardCharsets.ISO_8859_1)));
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
