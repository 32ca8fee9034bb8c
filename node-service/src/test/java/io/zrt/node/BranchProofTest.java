package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.RootMismatchException;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.Frame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Node verifies the zero-knowledge branch proof of every ART operation against its own co-path. The
 * group: owner (leaf 4), members at 5 and 3, epoch 2. The member at 5 and the member at 3 meet the path of
 * leaf 5 at different levels (node 2 and the root), which is what the desynchronisation attack exploits.
 */
class BranchProofTest extends NodeTestBase {

    private GroupDriver group() throws Exception {
        GroupDriver g = GroupDriver.create();
        accepted(g, g.init());
        accepted(g, g.addMember());
        accepted(g, g.addMember());
        assertThat(g.members().keySet()).containsExactlyInAnyOrder(4L, 5L, 3L);
        return g;
    }

    private void refused(GroupDriver g, byte[] body, String code) {
        List<String> before = stored.snapshot(g.id().text());
        NodeClient.Response r = client.postFrame(g.id(), body);
        assertThat(r.status()).as(new String(r.body())).isEqualTo(401);
        assertThat(r.code()).isEqualTo(code);
        assertThat(stored.snapshot(g.id().text())).as("stored state must not change").isEqualTo(before);
    }

    @Test
    void theDesynchronisationAttackIsRefused() throws Exception {
        GroupDriver g = group();
        // Member 5 publishes a path whose leaf key is not the key of the secret it ratcheted from. Before the
        // Node verified branch proofs this frame was accepted: eligibility and structure are fine.
        GroupDriver.Forged attack = g.desynchronisingKeyUpdate(5, 0, true);
        Map<Long, MemberView> members = g.members();
        // What the members would do with it: member 3 meets the path at the root, derives the root secret
        // from the (honest) node-2 key and accepts...
        MemberView three = members.get(3L).apply(attack.forgedChange());
        assertThat(three.publicTree().rootKey()).isEqualTo(attack.forgedChange().publishedRootKey());
        // ...while the owner (leaf 4) meets it at node 2, derives from the forged leaf key, and rejects:
        // the group is split.
        assertThatThrownBy(() -> members.get(4L).apply(attack.forgedChange()))
                .isInstanceOf(RootMismatchException.class);

        refused(g, attack.pending().bytes(), "invalid_branch_proof");
        refused(g, g.desynchronisingKeyUpdate(5, 0, false).pending().bytes(), "invalid_branch_proof");
        refused(g, g.desynchronisingKeyUpdate(5, 1, true).pending().bytes(), "invalid_branch_proof");
        // The honest update of the same member still lands.
        accepted(g, g.keyUpdate(5));
    }

    @Test
    void aProofFromAnotherFrameOrMangledBytesAreRefused() throws Exception {
        GroupDriver g = group();
        GroupDriver.Pending honest = g.keyUpdate(3);
        Frame first = Frame.parseFrom(honest.bytes());
        Frame second = Frame.parseFrom(g.keyUpdate(3).bytes());
        ArtProof firstProof = ArtProof.parseFrom(first.getProof());
        // The first frame with the second frame's branch proof (same tree, same member, other ad).
        ArtProof moved = firstProof.toBuilder().setBranch(ArtProof.parseFrom(second.getProof()).getBranch()).build();
        refused(g, withProof(first, moved), "invalid_branch_proof");
        byte[] branch = firstProof.getBranch().toByteArray();
        branch[100] ^= 4;
        refused(g, withProof(first, firstProof.toBuilder().setBranch(ByteString.copyFrom(branch)).build()),
                "invalid_branch_proof");
        refused(g, withProof(first, firstProof.toBuilder().setBranch(ByteString.copyFrom(branch, 0, 200)).build()),
                "invalid_branch_proof");
        refused(g, withProof(first, firstProof.toBuilder().clearBranch().build()), "invalid_branch_proof");
        accepted(g, honest);
    }

    private static byte[] withProof(Frame frame, ArtProof proof) {
        return frame.toBuilder().setProof(proof.toByteString()).build().toByteArray();
    }
}
