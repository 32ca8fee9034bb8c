package io.zrt.client.internal;

import io.zrt.client.NetworkException;
import io.zrt.client.ZrtException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.protocol.EpochTree;
import io.zrt.protocol.SPFrames;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Node's REST API (docs/api.md), with read proofs made from the caller's keys. Every proof is made per
 * attempt over a fresh single-use challenge, so a retry after a lost answer (which may have consumed the
 * challenge) proves again instead of failing with {@code invalid_challenge}.
 */
public final class NodeApi {

    private static final MediaType PROTOBUF = MediaType.get("application/x-protobuf");
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final Http http;
    private final HttpUrl base;

    public NodeApi(Http http, String baseUrl) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
    }

    /** Where a posted frame landed. */
    public record Posted(long seq, long epoch) {
    }

    /** A push token for Centrifugo. */
    public record PushToken(String token, Instant expiresAt, List<String> channels) {
        @Override
        public String toString() {
            return "PushToken[expiresAt=" + expiresAt + ", channels=" + channels + ", token redacted]";
        }
    }

    /** One group of a push-token request: proven with the tree key of the group's current epoch. */
    public record PushProof(GroupId group, long epoch, Scalar treeKey) {
        @Override
        public String toString() {
            return "PushProof[" + group + ", epoch " + epoch + "]";
        }
    }

    public Posted postFrame(GroupId group, byte[] frame) throws ZrtException {
        Request request = new Request.Builder().url(groupUrl(group, "frames"))
                .post(RequestBody.create(frame, PROTOBUF)).build();
        JsonNode answer = Http.json(http.execute(request).body(), "post frame");
        return new Posted(Http.requireLong(answer, "seq", "post frame"), Http.requireLong(answer, "epoch", "post frame"));
    }

    public byte[] challenge(GroupId group) throws ZrtException {
        JsonNode answer = Http.json(http.execute(new Request.Builder().url(groupUrl(group, "challenge")).get()
                .build()).body(), "challenge");
        try {
            byte[] challenge = B64URL_DECODER.decode(Http.text(answer, "challenge"));
            if (challenge.length != ReadAuthorization.CHALLENGE_LENGTH) {
                throw new NetworkException("challenge: not 16 bytes");
            }
            return challenge;
        } catch (IllegalArgumentException e) {
            throw new NetworkException("challenge: not base64url");
        }
    }

    /** Frames from {@code fromSeq}, proven with the tree key of {@code epoch}. */
    public SPFrames frames(GroupId group, long fromSeq, int limit, long epoch, Scalar treeKey)
            throws ZrtException {
        HttpUrl url = groupUrl(group, "frames").newBuilder()
                .addQueryParameter("fromSeq", Long.toString(fromSeq))
                .addQueryParameter("limit", Integer.toString(limit)).build();
        byte[] body = http.execute(() -> {
            byte[] challenge = challenge(group);
            byte[] digest = ReadAuthorization.framesDigest(group, challenge, epoch, fromSeq, limit);
            return proofHeaders(new Request.Builder().url(url).get(), epoch, challenge, digest, treeKey)
                    .header("Accept", "application/x-protobuf").build();
        }).body();
        try {
            SPFrames frames = SPFrames.parseFrom(body);
            if (!frames.getUnknownFields().asMap().isEmpty()) {
                throw new NetworkException("frames: answer carries unknown fields");
            }
            return frames;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new NetworkException("frames: answer is not SPFrames");
        }
    }

    /** The public tree of an epoch, proven with the key of node {@code proverNode} (1 = tree key, else a leaf). */
    public EpochTree tree(GroupId group, long epoch, int proverNode, Scalar proverSecret) throws ZrtException {
        HttpUrl url = groupUrl(group, "tree").newBuilder().addPathSegment(Long.toString(epoch)).build();
        byte[] body = http.execute(() -> {
            byte[] challenge = challenge(group);
            byte[] digest = ReadAuthorization.treeDigest(group, challenge, epoch, proverNode);
            return proofHeaders(new Request.Builder().url(url).get(), epoch, challenge, digest, proverSecret)
                    .header("ZRT-Prover-Node", Integer.toString(proverNode))
                    .header("Accept", "application/x-protobuf").build();
        }).body();
        try {
            return EpochTree.parseFrom(body);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new NetworkException("tree: answer is not an EpochTree");
        }
    }

    /** A push token for up to 100 groups (one challenge per group, then one POST). */
    public PushToken pushToken(List<PushProof> proofs) throws ZrtException {
        HttpUrl url = base.newBuilder().addPathSegments("v1/push/token").build();
        JsonNode answer = Http.json(http.execute(() -> {
            ObjectNode body = Http.JSON.createObjectNode();
            ArrayNode groups = body.putArray("groups");
            for (PushProof proof : proofs) {
                byte[] challenge = challenge(proof.group());
                byte[] digest = ReadAuthorization.pushTokenDigest(proof.group(), challenge, proof.epoch());
                groups.addObject().put("groupId", proof.group().text()).put("epoch", proof.epoch())
                        .put("challenge", B64URL.encodeToString(challenge))
                        .put("signature", B64URL.encodeToString(sign(digest, proof.treeKey())));
            }
            return new Request.Builder().url(url)
                    .post(RequestBody.create(Http.JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        }).body(), "push token");
        String token = Http.text(answer, "token");
        if (token.isEmpty()) {
            throw new NetworkException("push token: answer lacks a token");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(Http.text(answer, "expiresAt"));
        } catch (RuntimeException e) {
            throw new NetworkException("push token: answer lacks expiresAt");
        }
        List<String> channels = new ArrayList<>();
        JsonNode list = answer.get("channels");
        if (list != null && list.isArray()) {
            list.forEach(channel -> channels.add(channel.asString()));
        }
        return new PushToken(token, expiresAt, List.copyOf(channels));
    }

    private Request.Builder proofHeaders(Request.Builder builder, long epoch, byte[] challenge, byte[] digest,
            Scalar secret) {
        return builder.header("ZRT-Epoch", Long.toString(epoch))
                .header("ZRT-Challenge", B64URL.encodeToString(challenge))
                .header("ZRT-Signature", B64URL.encodeToString(sign(digest, secret)));
    }

    private static byte[] sign(byte[] digest, Scalar secret) {
        return Schnorr.sign(digest, CortadoKeyPair.fromSecret(secret));
    }

    private HttpUrl groupUrl(GroupId group, String what) {
        return base.newBuilder().addPathSegments("v1/group").addPathSegment(group.text()).addPathSegment(what)
                .build();
    }
}
