package io.zrt.node.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 4: a proof made for group A (with A's tree key, at A's epoch 1) and sent to group B is answered
 * exactly as a proof that does not verify, whether or not B has an epoch 1 — first with B at epoch 0, then
 * with B at epoch 1 — on every endpoint that takes a read proof. Before, B at epoch 0 answered 404
 * unknown_epoch, telling the caller how far B is.
 */
class ProofAcrossGroupsTest extends NodeTestBase {

    /** A request with a proof over a fresh challenge of {@code target} made by the digest and key given. */
    private record Probe(String name, BiFunction<GroupId, Scalar, NodeClient.Response> send) {
    }

    @Test
    void aProofForAnotherGroupIsAnsweredLikeABadProofWhateverTheTargetsEpoch() throws Exception {
        GroupDriver a = GroupDriver.create();
        accepted(a, a.init());
        accepted(a, a.addMember()); // A is at epoch 1
        GroupDriver b = GroupDriver.create();
        accepted(b, b.init()); // B is at epoch 0

        List<String> atEpochZero = answers(a, b);
        accepted(b, b.addMember()); // now B has an epoch 1 too
        List<String> atEpochOne = answers(a, b);
        assertThat(atEpochOne).isEqualTo(atEpochZero);
    }

    /**
     * For each probe, the answer to A's proof and to a random key's proof; they must be the same, and are
     * collected to compare across B's epochs.
     */
    private List<String> answers(GroupDriver a, GroupDriver b) {
        long epoch = 1;
        List<Probe> probes = List.of(
                new Probe("frames", (target, key) -> client.get(
                        "/v1/group/" + target.text() + "/frames?fromSeq=0&limit=5",
                        client.proofHeaders(target, epoch, key,
                                c -> ReadAuthorization.framesDigest(a.id(), c, epoch, 0, 5)))),
                new Probe("status", (target, key) -> client.get("/v1/group/" + target.text() + "/status",
                        client.proofHeaders(target, epoch, key,
                                c -> ReadAuthorization.statusDigest(a.id(), c, epoch)))),
                new Probe("tree", (target, key) -> client.get("/v1/group/" + target.text() + "/tree/" + epoch,
                        client.proofHeaders(target, epoch, key,
                                c -> ReadAuthorization.treeDigest(a.id(), c, epoch, 1)))),
                new Probe("push", (target, key) -> {
                    byte[] challenge = client.challenge(target);
                    byte[] signature = Schnorr.sign(ReadAuthorization.pushTokenDigest(a.id(), challenge, epoch),
                            CortadoKeyPair.fromSecret(key));
                    String body = "{\"groups\":[{\"groupId\":\"" + target.text() + "\",\"epoch\":" + epoch
                            + ",\"challenge\":\"" + NodeClient.b64(challenge) + "\",\"signature\":\""
                            + NodeClient.b64(signature) + "\"}]}";
                    return client.post("/v1/push/token", body.getBytes(StandardCharsets.UTF_8), "application/json");
                }));
        List<String> answers = new ArrayList<>();
        for (Probe probe : probes) {
            // The same proof is valid where it was made for: A's key and A's digest on A.
            assertThat(probe.send().apply(a.id(), a.treeKey()).status()).as(probe.name() + " on A").isEqualTo(200);
            String withAsProof = answer(probe.send().apply(b.id(), a.treeKey()));
            String withNoKey = answer(probe.send().apply(b.id(), GroupDriver.freshLeafSecret()));
            assertThat(withAsProof).as(probe.name()).startsWith("401 ").isEqualTo(withNoKey);
            answers.add(probe.name() + ": " + withAsProof);
        }
        return answers;
    }

    /** Status, code and detail: everything a caller could tell answers apart by (instance names the path). */
    private static String answer(NodeClient.Response r) {
        return r.status() + " " + r.code() + " " + r.json().path("detail").asString();
    }
}
