package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.Scalar;
import io.zrt.node.storage.ChallengeStore;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.node.support.PreparedGroup;
import io.zrt.protocol.rules.ReadAuthorization;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Read proofs (challenge, signature, epoch) on frames, tree and status, and push tokens. */
class ReadAndPushTest extends NodeTestBase {

    @Autowired
    ChallengeStore challengeStore;

    /** Init and one add, proven once for the class and replayed before every test. */
    private static PreparedGroup prepared;

    private GroupDriver g;

    @BeforeAll
    static void prepare() throws Exception {
        prepared = PreparedGroup.of(GroupDriver.create(), List.of(GroupDriver::init, GroupDriver::addMember));
    }

    @BeforeEach
    void group() {
        g = prepared.replay(client, stored);
    }

    private String framesPath(long from, int limit) {
        return "/v1/group/" + g.id().text() + "/frames?fromSeq=" + from + "&limit=" + limit;
    }

    private String[] framesProof(Scalar key, long epoch, long from, int limit) {
        return client.proofHeaders(g.id(), epoch, key, c -> ReadAuthorization.framesDigest(g.id(), c, epoch, from, limit));
    }

    @Test
    void readsNeedAValidSingleUseChallengeAndTheRightKey() {
        String[] good = framesProof(g.treeKey(), 1, 0, 10);
        assertThat(client.get(framesPath(0, 10), good).status()).isEqualTo(200);
        NodeClient.Response reused = client.get(framesPath(0, 10), good);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("invalid_challenge");

        NodeClient.Response wrongKey = client.get(framesPath(0, 10), framesProof(g.leafSecret(3), 1, 0, 10));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.code()).isEqualTo("invalid_proof");
        // Parameters are bound: a proof for limit 10 does not authorise limit 11.
        NodeClient.Response otherParams = client.get(framesPath(0, 11), framesProof(g.treeKey(), 1, 0, 10));
        assertThat(otherParams.code()).isEqualTo("invalid_proof");
        NodeClient.Response missing = client.get(framesPath(0, 10));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(client.get(framesPath(0, 1001), framesProof(g.treeKey(), 1, 0, 1001)).code())
                .isEqualTo("invalid_field");
        assertThat(client.get(framesPath(0, 10), "ZRT-Epoch", "x", "ZRT-Challenge", "!!", "ZRT-Signature", "a")
                .status()).isEqualTo(400);
        assertThat(client.get("/v1/group/" + g.id().text() + "/frames?fromSeq=abc").code()).isEqualTo("bad_request");
        // An epoch the group does not have is refused like any proof that does not verify: nothing is revealed.
        NodeClient.Response noSuchEpoch = client.get(framesPath(0, 10), framesProof(g.treeKey(), 7, 0, 10));
        assertThat(noSuchEpoch.status()).isEqualTo(401);
        assertThat(noSuchEpoch.code()).isEqualTo("invalid_proof");
    }

    @Test
    void anExpiredChallengeIsRefusedEvenBeforeTheTtlIndexRemovesIt() {
        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        challengeStore.insert(g.id().text(), challenge, Instant.now().minusSeconds(1));
        byte[] sig = io.zrt.crypto.schnorr.Schnorr.sign(ReadAuthorization.framesDigest(g.id(), challenge, 1, 0, 10),
                io.zrt.crypto.cortado.CortadoKeyPair.fromSecret(g.treeKey()));
        NodeClient.Response r = client.get(framesPath(0, 10), "ZRT-Epoch", "1", "ZRT-Challenge",
                NodeClient.b64(challenge), "ZRT-Signature", NodeClient.b64(sig));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("invalid_challenge");
    }

    @Test
    void treeReadsAcceptTheTreeKeyOrALeafKeyButNotAnInternalNode() {
        String path = "/v1/group/" + g.id().text() + "/tree/1";
        String[] byInternal = client.proofHeaders(g.id(), 1, g.treeKey(), c -> ReadAuthorization.treeDigest(g.id(), c, 1, 2));
        assertThat(client.get(path, append(byInternal, "ZRT-Prover-Node", "2")).status()).isIn(401, 403);
        String[] byMember = client.proofHeaders(g.id(), 1, g.leafSecret(3), c -> ReadAuthorization.treeDigest(g.id(), c, 1, 3));
        assertThat(client.get(path, append(byMember, "ZRT-Prover-Node", "3")).status()).isEqualTo(200);
        String[] lying = client.proofHeaders(g.id(), 1, g.leafSecret(3), c -> ReadAuthorization.treeDigest(g.id(), c, 1, 2));
        assertThat(client.get(path, append(lying, "ZRT-Prover-Node", "2")).code()).isEqualTo("invalid_proof");
        assertThat(client.get("/v1/group/" + GroupDriver.create().id().text() + "/challenge").code())
                .isEqualTo("unknown_group");
    }

    @Test
    void pushTokenListsExactlyTheProvenGroupsAndIsSignedWithTheSharedSecret() throws Exception {
        GroupDriver other = GroupDriver.create();
        accepted(other, other.init());
        String body = "{\"groups\":[" + proofJson(g) + "," + proofJson(other) + "]}";
        NodeClient.Response r = client.post("/v1/push/token", body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        String token = r.json().path("token").asString();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PUSH_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
        JsonNode header = NodeClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asString()).isEqualTo("HS256");
        JsonNode claims = NodeClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("sub").asString()).startsWith("zrt-");
        long exp = claims.path("exp").asLong();
        assertThat(exp - Instant.now().getEpochSecond()).isBetween(500L, 601L);
        assertThat(claims.path("channels").values()).extracting(JsonNode::asString)
                .containsExactly("personal:" + g.id().text(), "personal:" + other.id().text());

        // A proof at an old epoch (a removed member still knows old tree keys) gets no live subscription.
        Scalar oldKey = g.treeKeyAt(0);
        String stale = "{\"groups\":[" + proofJson(g, 0, oldKey) + "]}";
        NodeClient.Response refused = client.post("/v1/push/token", stale.getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("stale_epoch");
        NodeClient.Response badJson = client.post("/v1/push/token", "{\"groups\":[{}]}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(badJson.status()).isEqualTo(400);
        NodeClient.Response notJson = client.post("/v1/push/token", "{".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("bad_request");
    }

    @Test
    void actuatorHealthIsUpAndOpenApiIsServed() {
        NodeClient.Response health = management.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(client.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
    }

    private String proofJson(GroupDriver group) {
        return proofJson(group, group.epoch(), group.treeKey());
    }

    private String proofJson(GroupDriver group, long epoch, Scalar key) {
        String[] h = client.proofHeaders(group.id(), epoch, key,
                c -> ReadAuthorization.pushTokenDigest(group.id(), c, epoch));
        return "{\"groupId\":\"" + group.id().text() + "\",\"epoch\":" + epoch + ",\"challenge\":\"" + h[3]
                + "\",\"signature\":\"" + h[5] + "\"}";
    }

    private static String[] append(String[] headers, String name, String value) {
        String[] out = java.util.Arrays.copyOf(headers, headers.length + 2);
        out[headers.length] = name;
        out[headers.length + 1] = value;
        return out;
    }
}
