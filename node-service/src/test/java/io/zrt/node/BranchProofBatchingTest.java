package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.zrt.node.proofs.BatchingBranchVerifier;
import io.zrt.node.proofs.VerifierStatistics;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Key updates of several groups posted together have their branch proofs verified in one batch, and a bad
 * proof among them fails only its own request. Each group has one member (its key update is a depth-0 proof,
 * the cheapest there is); the frames are made once and the groups re-created before every test.
 *
 * <p>To make the batch without timing, the test holds the verifier's collecting worker
 * ({@link BatchingBranchVerifier#holdCollection()}) until every request has passed the earlier checks and
 * waits for its proof, then releases it: all proofs go into one batch.
 */
class BranchProofBatchingTest extends NodeTestBase {

    private static final int GROUPS = 4;
    private static final List<GroupDriver> groups = new ArrayList<>();
    private static final List<byte[]> inits = new ArrayList<>();
    private static final List<byte[]> updates = new ArrayList<>();
    private static final ExecutorService requests = Executors.newFixedThreadPool(GROUPS);

    @Autowired
    private BatchingBranchVerifier verifier;

    @BeforeAll
    static void makeFrames() throws Exception {
        for (int i = 0; i < GROUPS; i++) {
            GroupDriver g = GroupDriver.create();
            GroupDriver.Pending init = g.init();
            g.accept(init);
            groups.add(g);
            inits.add(init.bytes());
            updates.add(g.keyUpdate(g.ownerLeaf()).bytes());
        }
    }

    @AfterAll
    static void stopRequests() throws InterruptedException {
        requests.shutdownNow();
        assertThat(requests.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @BeforeEach
    void createGroups() {
        for (int i = 0; i < GROUPS; i++) {
            stored.deleteGroup(groups.get(i).id().text());
            assertThat(client.postFrame(groups.get(i).id(), inits.get(i)).status()).isEqualTo(201);
        }
    }

    /** Posts every group's frame at once while the verifier is held; responses in group order. */
    private List<NodeClient.Response> postTogether(List<byte[]> frames) throws Exception {
        int before = verifier.waiting();
        List<Future<NodeClient.Response>> responses = new ArrayList<>();
        try (BatchingBranchVerifier.Hold hold = verifier.holdCollection()) {
            for (int i = 0; i < GROUPS; i++) {
                GroupDriver g = groups.get(i);
                byte[] frame = frames.get(i);
                responses.add(requests.submit(() -> client.postFrame(g.id(), frame)));
            }
            // The deadline only stops a broken test; it asserts nothing about speed.
            await("all requests reach the verifier").atMost(Duration.ofSeconds(60))
                    .until(() -> verifier.waiting() >= before + GROUPS);
        }
        List<NodeClient.Response> out = new ArrayList<>();
        for (Future<NodeClient.Response> f : responses) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void keyUpdatesOfSeveralGroupsAreVerifiedInOneBatch() throws Exception {
        VerifierStatistics before = verifier.statistics();
        List<NodeClient.Response> responses = postTogether(updates);
        for (NodeClient.Response r : responses) {
            assertThat(r.status()).as(new String(r.body())).isEqualTo(201);
            assertThat(r.json().path("epoch").asLong()).isEqualTo(1);
        }
        VerifierStatistics after = verifier.statistics();
        assertThat(after.proofsInBatches() - before.proofsInBatches()).isEqualTo(GROUPS);
        assertThat(after.batches() - before.batches()).as("one batch for all of them").isEqualTo(1);
        assertThat(after.valid() - before.valid()).isEqualTo(GROUPS);
        for (GroupDriver g : groups) {
            assertThat(stored.frameCount(g.id().text())).isEqualTo(2);
        }
        // The same figures are exported as Micrometer meters.
        NodeClient.Response metric = management.get("/actuator/metrics/zrt.node.branch.proofs.batch.size");
        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.json().path("measurements").get(0).path("value").asDouble())
                .isEqualTo((double) after.batches());
    }

    @Test
    void aBadProofAmongGoodOnesFailsOnlyItsOwnFrame() throws Exception {
        int badGroup = 2;
        List<byte[]> frames = new ArrayList<>(updates);
        frames.set(badGroup, withAlteredBranchProof(updates.get(badGroup)));
        VerifierStatistics before = verifier.statistics();
        List<NodeClient.Response> responses = postTogether(frames);
        for (int i = 0; i < GROUPS; i++) {
            NodeClient.Response r = responses.get(i);
            if (i == badGroup) {
                assertThat(r.status()).as(new String(r.body())).isEqualTo(401);
                assertThat(r.code()).isEqualTo("invalid_branch_proof");
                assertThat(stored.frameCount(groups.get(i).id().text())).as("nothing stored").isEqualTo(1);
            } else {
                assertThat(r.status()).as(new String(r.body())).isEqualTo(201);
                assertThat(stored.frameCount(groups.get(i).id().text())).isEqualTo(2);
            }
        }
        VerifierStatistics after = verifier.statistics();
        assertThat(after.batches() - before.batches()).isEqualTo(1);
        assertThat(after.failedBatches() - before.failedBatches()).isEqualTo(1);
        assertThat(after.invalid() - before.invalid()).isEqualTo(1);
        assertThat(after.valid() - before.valid()).isEqualTo(GROUPS - 1);
    }

    /** The same frame with one bit of its branch proof flipped: still decodes, no longer verifies. */
    private static byte[] withAlteredBranchProof(byte[] frameBytes) throws Exception {
        Frame frame = Frame.parseFrom(frameBytes);
        ArtProof proof = ArtProof.parseFrom(frame.getProof());
        byte[] branch = proof.getBranch().toByteArray();
        branch[branch.length - 32] ^= 1; // lowest bit of the last scalar: still canonical, so it decodes
        ArtProof altered = proof.toBuilder().setBranch(ByteString.copyFrom(branch)).build();
        return frame.toBuilder().setProof(altered.toByteString()).build().toByteArray();
    }
}
