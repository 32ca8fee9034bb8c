package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.crypto.art.LeafStatus;
import io.zrt.crypto.art.PublicTree;
import io.zrt.protocol.EpochTree;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.SPFrames;
import io.zrt.protocol.rules.Eligibility;
import io.zrt.protocol.rules.ReadAuthorization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole group life over HTTP, with real Schnorr proofs and ratchet paths built by the test. */
class GroupLifecycleTest extends NodeTestBase {

    @Test
    void initAddUpdateRemoveFinalizeLeaveDropAndReadBack() throws Exception {
        GroupDriver g = GroupDriver.create();
        NodeClient.Response init = accepted(g, g.init());
        assertThat(init.json().path("seq").asLong()).isZero();
        assertThat(init.json().path("epoch").asLong()).isZero();

        assertThat(accepted(g, g.addMember()).json().path("epoch").asLong()).isEqualTo(1); // member at 3
        accepted(g, g.addMember());                                                       // member at 5
        assertThat(g.ownerLeaf()).isEqualTo(4);
        NodeClient.Response plain = accepted(g, g.plain());
        assertThat(plain.json().path("seq").asLong()).isEqualTo(3);
        assertThat(plain.json().path("epoch").asLong()).isEqualTo(2);
        accepted(g, g.keyUpdate(5));
        accepted(g, g.removeMember(3));
        assertThat(g.tree().leafStatus(3)).isEqualTo(LeafStatus.BLANK);
        accepted(g, g.finalizeRemoval(3));
        accepted(g, g.leave(5));
        assertThat(g.tree().leafStatus(5)).isEqualTo(LeafStatus.PENDING_REMOVAL);
        NodeClient.Response last = accepted(g, g.plain());
        assertThat(last.json().path("seq").asLong()).isEqualTo(8);
        assertThat(last.json().path("epoch").asLong()).isEqualTo(6);

        // The stored tree of the epoch, fetched with a tree-key proof, is the canonical ART encoding of the tree
        // every member holds, and its root key is the tree key they derived.
        EpochTree tree = fetchTree(g, 6, Eligibility.ROOT);
        assertThat(tree.getPublicTree().toByteArray()).isEqualTo(g.tree().encode());
        PublicTree served = PublicTree.decode(tree.getPublicTree().toByteArray());
        assertThat(served).isEqualTo(g.tree());
        assertThat(served.rootKey()).isEqualTo(Cortado.multiplyGenerator(g.treeKey()));
        // A leaf-key proof (the owner's leaf) works too.
        assertThat(fetchTree(g, 6, g.ownerLeaf()).getEpoch()).isEqualTo(6);

        // All frames with a proof at epoch 0, in pages of 4: seq order, no gaps, a next cursor.
        List<SPFrame> all = new ArrayList<>();
        long from = 0;
        boolean more = true;
        while (more) {
            SPFrames page = readFrames(g, 0, from, 4);
            all.addAll(page.getFramesList());
            from = page.getNextSeq();
            more = page.getHasMore();
        }
        assertThat(all).extracting(SPFrame::getSeq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        // A proof at epoch 5 grants frames of epochs >= 5 only: the finalize (seq 6) and later.
        assertThat(readFrames(g, 5, 0, 100).getFramesList()).extracting(SPFrame::getSeq).containsExactly(6L, 7L, 8L);

        // Status: public part without a proof, epoch and seq with one.
        NodeClient.Response status = client.get("/v1/group/" + g.id().text() + "/status");
        assertThat(status.json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(status.json().has("epoch")).isFalse();
        String[] proof = client.proofHeaders(g.id(), 6, g.treeKey(),
                c -> ReadAuthorization.statusDigest(g.id(), c, 6));
        NodeClient.Response proven = client.get("/v1/group/" + g.id().text() + "/status", proof);
        assertThat(proven.json().path("epoch").asLong()).isEqualTo(6);
        assertThat(proven.json().path("lastSeq").asLong()).isEqualTo(8);

        // Drop, then the group refuses everything with 410.
        NodeClient.Response dropped = accepted(g, g.drop());
        assertThat(dropped.json().path("epoch").asLong()).isEqualTo(7);
        NodeClient.Response after = client.postFrame(g.id(), g.plain().bytes());
        assertThat(after.status()).isEqualTo(410);
        assertThat(after.code()).isEqualTo("group_dropped");
        assertThat(stored.frameCount(g.id().text())).isEqualTo(10);
    }

    @Test
    void storedFrameDocumentsHaveTheDocumentedSchema() {
        GroupDriver g = GroupDriver.create();
        accepted(g, g.init());
        accepted(g, g.plain());
        var doc = stored.database().getCollection("frames")
                .find(new org.bson.Document("groupId", g.id().text()).append("seq", 1L)).first();
        assertThat(doc).isNotNull();
        assertThat(doc.get("seq")).isInstanceOf(Long.class);
        assertThat(doc.get("epoch")).isInstanceOf(Long.class);
        assertThat(doc.getString("op")).isEqualTo("plain");
        assertThat(doc.get("frame")).isInstanceOf(org.bson.types.Binary.class);
        assertThat(doc.get("createdAt")).isInstanceOf(java.util.Date.class);
        assertThat(doc.getBoolean("relayed")).isFalse();
        byte[] sp = doc.get("spFrame", org.bson.types.Binary.class).getData();
        try {
            SPFrame spFrame = SPFrame.parseFrom(sp);
            assertThat(spFrame.getSeq()).isEqualTo(1);
            assertThat(spFrame.getFrame().toByteArray())
                    .isEqualTo(doc.get("frame", org.bson.types.Binary.class).getData());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private EpochTree fetchTree(GroupDriver g, long epoch, long prover) throws Exception {
        String[] proof = client.proofHeaders(g.id(), epoch, g.secretOf(prover),
                c -> ReadAuthorization.treeDigest(g.id(), c, epoch, (int) prover));
        String[] headers = java.util.Arrays.copyOf(proof, proof.length + 2);
        headers[proof.length] = "ZRT-Prover-Node";
        headers[proof.length + 1] = Long.toString(prover);
        NodeClient.Response r = client.get("/v1/group/" + g.id().text() + "/tree/" + epoch, headers);
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-protobuf");
        return EpochTree.parseFrom(r.body());
    }

    private SPFrames readFrames(GroupDriver g, long epoch, long fromSeq, int limit) throws Exception {
        return readFramesWith(g, epoch, g.treeKeyAt(epoch), fromSeq, limit);
    }

    private SPFrames readFramesWith(GroupDriver g, long epoch, io.zrt.crypto.cortado.Scalar key, long fromSeq,
            int limit) throws Exception {
        String[] proof = client.proofHeaders(g.id(), epoch, key,
                c -> ReadAuthorization.framesDigest(g.id(), c, epoch, fromSeq, limit));
        NodeClient.Response r = client.get("/v1/group/" + g.id().text() + "/frames?fromSeq=" + fromSeq + "&limit=" + limit,
                proof);
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        return SPFrames.parseFrom(r.body());
    }
}
