package io.zrt.transistor.transfers;

import static io.zrt.transistor.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.transistor.TransistorTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferApiTest extends TransistorTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void storedTransferIsReadExactlyOnceInTheSameShape() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> created = postTransfer(transferJson(id, "sealed-envelope"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo(transferJson(id, "sealed-envelope"));
        assertThat(created.headers().firstValue("Location")).hasValue("/transistor/v1/public/transfers/" + id);

        HttpResponse<String> first = getTransfer(id.toString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(transferJson(id, "sealed-envelope"));
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.api+json"));

        assertProblem(getTransfer(id.toString()), 404, "not_found");
    }

    @Test
    void plainJsonIsAcceptedAndUnicodeSurvives() throws Exception {
        UUID id = UUID.randomUUID();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(transferJson(id, "grüße \\\"quoted\\\" 🔑"))));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(getTransfer(id.toString()).body()).isEqualTo(transferJson(id, "grüße \\\"quoted\\\" 🔑"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\\u0000inside", "\\ud800", "lone \\udc00 low", "swapped \\udc00\\ud800", "end \\ud83d"})
    void dataPostgresCannotStoreExactlyIsRefusedAndNothingIsStored(String escaped) throws Exception {
        UUID id = UUID.randomUUID();
        assertProblem(postTransfer(transferJson(id, escaped)), 400, "invalid_data");
        assertProblem(getTransfer(id.toString()), 404, "not_found");
    }

    @Test
    void escapedPairsAndControlCharactersOtherThanNulSurviveExactly() throws Exception {
        UUID id = UUID.randomUUID();
        String escaped = "\\ud83d\\udd11 tab\\t bell\\u0007 del\\u007f";
        assertThat(postTransfer(transferJson(id, escaped)).statusCode()).isEqualTo(201);
        String stored = JSON.readTree(getTransfer(id.toString()).body()).at("/data/attributes/data").stringValue();
        assertThat(stored).isEqualTo(new String(Character.toChars(0x1F511)) + " tab\t bell" + (char) 7 + " del"
                + (char) 0x7f);
    }

    @Test
    void bodyThatIsNotUtf8Is400() throws Exception {
        byte[] body = transferJson(UUID.randomUUID(), "xx").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = new String(body, java.nio.charset.StandardCharsets.UTF_8).lastIndexOf("xx");
        body[at] = (byte) 0xC3; // a lead byte followed by ASCII: invalid UTF-8
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void existingIdConflicts() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(postTransfer(transferJson(id, "a")).statusCode()).isEqualTo(201);
        assertProblem(postTransfer(transferJson(id, "b")), 409, "already_exists");
        assertThat(getTransfer(id.toString()).body()).contains("\"data\":\"a\"");
    }

    @Test
    void oversizeIsRejectedWithAndWithoutContentLength() throws Exception {
        UUID id = UUID.randomUUID();
        String big = transferJson(id, "x".repeat(64 * 1024));
        assertProblem(postTransfer(big), 413, "too_large");
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertProblem(chunked, 413, "too_large");
        assertProblem(getTransfer(id.toString()), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "", "{\"data\":{\"id\":\"x\",}}"})
    void malformedJsonIs400(String body) throws Exception {
        assertProblem(postTransfer(body), 400, "malformed_json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]", "\"text\"", "{}", "{\"data\":null}", "{\"data\":[]}",
            "{\"data\":{\"type\":\"transfers\",\"attributes\":{\"data\":\"x\"}}}",
            "{\"data\":{\"id\":5,\"type\":\"transfers\",\"attributes\":{\"data\":\"x\"}}}",
            "{\"data\":{\"id\":\"3f1c2b6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\",\"type\":\"transfers\"}}",
            "{\"data\":{\"id\":\"3f1c2b6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\",\"type\":\"transfers\",\"attributes\":{}}}",
            "{\"data\":{\"id\":\"3f1c2b6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\",\"type\":\"transfers\",\"attributes\":{\"data\":7}}}"})
    void wrongShapeIs400(String body) throws Exception {
        assertProblem(postTransfer(body), 400, "invalid_document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs", "transfer", "TRANSFERS", ""})
    void wrongTypeIs400(String type) throws Exception {
        String body = transferJson(UUID.randomUUID(), "x").replace("\"type\":\"transfers\"", "\"type\":\"" + type + "\"");
        assertProblem(postTransfer(body), 400, "invalid_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "3f1c2b6e1a2b4c3d8e9f0a1b2c3d4e5f", "1-2-3-4-5", "{3f1c2b6e-1a2b-4c3d-8e9f-0a1b2c3d4e5f}"})
    void badIdsAre400(String id) throws Exception {
        String body = transferJson(UUID.randomUUID(), "x").replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id + "\"");
        assertProblem(postTransfer(body), 400, "invalid_id");
        assertProblem(getTransfer(id.replace("{", "%7B").replace("}", "%7D")), 400, "invalid_id");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(transferJson(UUID.randomUUID(), "x"))));
        assertProblem(response, 415, "unsupported_media_type");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/transistor/v1/public/nothing")).GET()), 404, "not_found");
        assertProblem(send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers/" + UUID.randomUUID()))
                .DELETE()), 405, "method_not_allowed");
    }

    @Test
    void requestsTomcatRefusesBeforeSpringAreProblemsToo() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers/a%2Fb")).GET()), 400,
                "bad_request");
        assertProblem(send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers/%00")).GET()), 400,
                "bad_request");
    }

    @Test
    void anUnacceptableAcceptHeaderStillGetsAProblemDocument() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/transistor/v1/public/transfers/not-a-uuid"))
                .header("Accept", "text/plain").GET()), 406, "not_acceptable");
    }

    @Test
    void expiredTransferIsGoneEvenBeforeTheSweep() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(postTransfer(transferJson(id, "late")).statusCode()).isEqualTo(201);
        jdbc.sql("UPDATE transfers SET expires_at = now() - interval '1 second' WHERE id = ?").param(id).update();
        assertProblem(getTransfer(id.toString()), 404, "not_found");
    }
}
