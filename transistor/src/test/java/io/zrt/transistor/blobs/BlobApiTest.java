package io.zrt.transistor.blobs;

import static io.zrt.transistor.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.transistor.TransistorTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlobApiTest extends TransistorTestBase {

    private HttpResponse<String> put(String id, HttpRequest.BodyPublisher body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/transistor/v1/public/blobs/" + id))
                .header("Content-Type", "application/octet-stream").PUT(body));
    }

    private HttpResponse<byte[]> get(String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri("/transistor/v1/public/blobs/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long largeObjects() {
        return jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single();
    }

    @Test
    void blobAtTheLimitRoundTripsExactlyOnce() throws Exception {
        byte[] content = new byte[1024 * 1024];
        new Random(7).nextBytes(content);
        String id = UUID.randomUUID().toString();
        long objectsBefore = largeObjects();

        assertThat(put(id, HttpRequest.BodyPublishers.ofByteArray(content)).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> first = get(id);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Length")).hasValue(Integer.toString(content.length));
        assertThat(first.body()).isEqualTo(content);

        HttpResponse<byte[]> second = get(id);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(new String(second.body())).contains("\"code\":\"not_found\"");
        assertThat(largeObjects()).as("the large object is removed with its row").isEqualTo(objectsBefore);
    }

    @Test
    void chunkedUploadWithoutContentLengthWorks() throws Exception {
        byte[] content = "streamed without a length".getBytes();
        String id = UUID.randomUUID().toString();
        assertThat(put(id, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content)))
                .statusCode()).isEqualTo(201);
        assertThat(get(id).body()).isEqualTo(content);
    }

    @Test
    void emptyBlobIsAllowed() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(put(id, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> read = get(id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEmpty();
    }

    @Test
    void oversizeIsRejectedWithAndWithoutContentLengthAndLeavesNothingBehind() throws Exception {
        byte[] tooBig = new byte[1024 * 1024 + 1];
        String id = UUID.randomUUID().toString();
        long objectsBefore = largeObjects();
        assertProblem(put(id, HttpRequest.BodyPublishers.ofByteArray(tooBig)), 413, "too_large");
        assertProblem(put(id, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig))),
                413, "too_large");
        assertThat(largeObjects()).as("a rejected upload leaves no large object").isEqualTo(objectsBefore);
        assertThat(get(id).statusCode()).isEqualTo(404);
        assertThat(put(id, HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).statusCode())
                .as("the id is still free").isEqualTo(201);
    }

    @Test
    void existingIdConflictsAndKeepsTheFirstContent() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(put(id, HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2})).statusCode()).isEqualTo(201);
        assertProblem(put(id, HttpRequest.BodyPublishers.ofByteArray(new byte[] {3})), 409, "already_exists");
        assertThat(get(id).body()).containsExactly(1, 2);
    }

    @Test
    void badIdsAndContentTypesAreClientErrors() throws Exception {
        assertProblem(put("nope", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})), 400, "invalid_id");
        assertThat(get("nope").statusCode()).isEqualTo(400);
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/transistor/v1/public/blobs/" + UUID.randomUUID()))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(json, 415, "unsupported_media_type");
    }

    @Test
    void expiredBlobIsNotHandedOut() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(put(id, HttpRequest.BodyPublishers.ofByteArray(new byte[] {9})).statusCode()).isEqualTo(201);
        jdbc.sql("UPDATE blobs SET expires_at = now() - interval '1 second' WHERE id = ?::uuid").param(id).update();
        assertThat(get(id).statusCode()).isEqualTo(404);
    }
}
