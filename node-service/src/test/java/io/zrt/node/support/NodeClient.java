package io.zrt.node.support;

import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.protocol.rules.GroupId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the Node's REST API, as the tests use it. */
public final class NodeClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public NodeClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, byte[] body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }

        public String code() {
            return json().path("code").asString();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    public Response post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A POST with extra headers (name, value, ...). */
    public Response post(String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    /** Any request against this Node; {@code path} is resolved against its base address. */
    public Response send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> request) {
        return send(request.apply(HttpRequest.newBuilder(URI.create(base + path))));
    }

    public Response postFrame(GroupId group, byte[] frame) {
        return post("/v1/group/" + group.text() + "/frames", frame, "application/x-protobuf");
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    /** Fetches a challenge (base64url) for the group. */
    public byte[] challenge(GroupId group) {
        Response r = get("/v1/group/" + group.text() + "/challenge");
        if (r.status() != 200) {
            throw new AssertionError("challenge: " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return Base64.getUrlDecoder().decode(r.json().path("challenge").asString());
    }

    /** Proof headers for a digest built from a fresh challenge, signed with {@code secret}. */
    public String[] proofHeaders(GroupId group, long epoch, Scalar secret, Function<byte[], byte[]> digestOf) {
        byte[] challenge = challenge(group);
        byte[] signature = Schnorr.sign(digestOf.apply(challenge), CortadoKeyPair.fromSecret(secret));
        return new String[] {"ZRT-Epoch", Long.toString(epoch), "ZRT-Challenge", b64(challenge), "ZRT-Signature",
                b64(signature)};
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError("HTTP request failed", e);
        }
    }
}
