package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.node.support.PreparedGroup;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.rules.OperationKind;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way the write path refuses a frame: status, stable code, and no change at all to what is stored.
 * The group has the owner (leaf 4), members at 5 and 3, and is at epoch 2 when each test starts.
 */
class FrameRejectionTest extends NodeTestBase {

    /** Init and two adds, proven once for the class (two branch proofs) and replayed before every test. */
    private static PreparedGroup prepared;

    private GroupDriver g;

    @BeforeAll
    static void prepare() throws Exception {
        prepared = PreparedGroup.of(GroupDriver.create(),
                List.of(GroupDriver::init, GroupDriver::addMember, GroupDriver::addMember));
    }

    @BeforeEach
    void group() {
        g = prepared.replay(client, stored);
        assertThat(g.epoch()).isEqualTo(2);
        assertThat(stored.frameCount(g.id().text())).isEqualTo(3);
    }

    private NodeClient.Response refused(byte[] body, int status, String code) {
        return refused(g.id().text(), body, "application/x-protobuf", status, code);
    }

    private NodeClient.Response refused(String groupText, byte[] body, String contentType, int status, String code) {
        List<String> before = stored.snapshot(g.id().text());
        NodeClient.Response r = client.post("/v1/group/" + groupText + "/frames", body, contentType);
        assertThat(r.status()).as(new String(r.body())).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        assertThat(stored.snapshot(g.id().text())).as("stored state must not change").isEqualTo(before);
        return r;
    }

    @Test
    void malformedInputIs400() {
        refused(new byte[] {(byte) 0xff, 0x01, 0x02}, 400, "malformed_frame");
        refused(new byte[0], 400, "malformed_frame");
        FrameTBS shortNonce = g.tbs(2, null).toBuilder().setNonce(ByteString.copyFrom(new byte[5])).build();
        refused(Frame.newBuilder().setTbs(shortNonce.toByteString()).setProof(ByteString.copyFrom(new byte[64]))
                .build().toByteArray(), 400, "invalid_field");
        refused("not-a-uuid", g.plain().bytes(), "application/x-protobuf", 400, "invalid_field");
    }

    @Test
    void groupIdMismatchIs400AndUnknownGroupIs404() {
        GroupDriver other = GroupDriver.create();
        refused(other.id().text(), g.plain().bytes(), "application/x-protobuf", 400, "group_id_mismatch");
        refused(other.id().text(), other.plain(Scalar.ONE).bytes(), "application/x-protobuf", 404, "unknown_group");
    }

    @Test
    void wrongMediaTypeIs415AndOversizedFrameIs413() {
        refused(g.id().text(), g.plain().bytes(), "application/json", 415, "unsupported_media_type");
        byte[] huge = new byte[1024 * 1024 + 1];
        new SecureRandom().nextBytes(huge);
        refused(huge, 413, "frame_too_large");
    }

    @Test
    void epochConflictsAre409WithTheCurrentEpochAndSeq() throws Exception {
        GroupDriver.Pending winner = g.keyUpdate(5);
        GroupDriver.Pending loser = g.keyUpdate(3);
        GroupDriver.Pending plainBefore = g.plain();
        accepted(g, winner); // epoch 3, seq 3
        NodeClient.Response stale = refused(loser.bytes(), 409, "stale_epoch");
        assertThat(stale.json().path("currentEpoch").asLong()).isEqualTo(3);
        assertThat(stale.json().path("lastSeq").asLong()).isEqualTo(3);
        refused(plainBefore.bytes(), 409, "stale_epoch");

        FrameTBS ahead = g.tbs(g.epoch() + 1, null);
        byte[] sig = io.zrt.crypto.schnorr.Schnorr.sign(io.zrt.protocol.rules.FrameDigests.associatedData(
                ahead.toByteArray()), io.zrt.crypto.cortado.CortadoKeyPair.fromSecret(g.treeKey()));
        refused(Frame.newBuilder().setTbs(ahead.toByteString()).setProof(ByteString.copyFrom(sig)).build()
                .toByteArray(), 409, "future_epoch");
    }

    @Test
    void replayedNonceAndExistingGroupAre409() {
        GroupDriver.Pending plain = g.plain();
        accepted(g, plain);
        refused(plain.bytes(), 409, "replayed_nonce");
        NodeClient.Response exists = refused(g.init().bytes(), 409, "group_exists");
        // Anybody can sign an init for any group id: the answer must not tell them how far the group is.
        assertThat(exists.json().has("currentEpoch")).isFalse();
        assertThat(exists.json().has("lastSeq")).isFalse();
    }

    @Test
    void signaturesThatDoNotVerifyAre401() throws Exception {
        refused(g.plain(g.leafSecret(5)).bytes(), 401, "invalid_proof");
        Scalar stranger = Scalar.randomNonZero(new SecureRandom());
        refused(g.branchOperation(OperationKind.KEY_UPDATE, 5, 5, stranger).bytes(), 401, "invalid_proof");
        refused(g.branchOperation(OperationKind.ADD_MEMBER, g.tree().placementTarget(), g.ownerLeaf(), stranger)
                .bytes(), 401, "invalid_proof");
    }

    @Test
    void validProofsByKeysThatAreNotEligibleAre403() throws Exception {
        // A member proving its own leaf key cannot add, remove or drop: those need the owner's leaf.
        refused(g.branchOperation(OperationKind.ADD_MEMBER, g.tree().placementTarget(), 5, null).bytes(), 403,
                "not_eligible");
        refused(g.branchOperation(OperationKind.REMOVE_MEMBER, 3, 5, null).bytes(), 403, "not_eligible");
        // A member cannot update someone else's leaf, and finalize needs the tree key, not a leaf key.
        refused(g.branchOperation(OperationKind.KEY_UPDATE, 3, 5, null).bytes(), 403, "not_eligible");
        accepted(g, g.removeMember(3));
        refused(g.branchOperation(OperationKind.FINALIZE_REMOVAL, 3, 5, null).bytes(), 403, "not_eligible");
    }

    @Test
    void treeChangesThatDoNotFitTheTreeAre400WithTheArtReason() throws Exception {
        // Add must follow the placement rule; the owner's leaf cannot be removed; finalize needs a removed leaf.
        refused(g.branchOperation(OperationKind.ADD_MEMBER, 3, g.ownerLeaf(), null).bytes(), 400, "placement_mismatch");
        refused(g.branchOperation(OperationKind.REMOVE_MEMBER, g.ownerLeaf(), g.ownerLeaf(), null).bytes(), 400,
                "owner_leaf_protected");
        refused(g.branchOperation(OperationKind.FINALIZE_REMOVAL, 5, 1, null).bytes(), 400, "wrong_leaf_status");
        // Targets that are no leaf of the tree: an internal node, and a heap index beyond the tree.
        refused(g.branchOperation(OperationKind.REMOVE_MEMBER, 2, g.ownerLeaf(), null).bytes(), 400, "target_not_leaf");
        refused(g.branchOperation(OperationKind.REMOVE_MEMBER, 9, g.ownerLeaf(), null).bytes(), 400,
                "index_out_of_range");
        accepted(g, g.leave(5));
        refused(g.keyUpdate(5).bytes(), 400, "wrong_leaf_status"); // a leaf pending removal cannot update
    }

    @Test
    void aPathOfTheWrongLengthIs400() throws Exception {
        Frame frame = Frame.parseFrom(g.keyUpdate(5).bytes());
        FrameTBS tbs = FrameTBS.parseFrom(frame.getTbs());
        var op = tbs.getGroupOperation().toBuilder();
        op.getKeyUpdateBuilder().addPathKeys(op.getKeyUpdate().getPathKeys(0));
        FrameTBS longer = tbs.toBuilder().setGroupOperation(op).build();
        refused(io.zrt.protocol.rules.Frames.proveOperation(longer, 5,
                io.zrt.crypto.cortado.CortadoKeyPair.fromSecret(g.leafSecret(5)), new byte[0]).toByteArray(), 400,
                "wrong_path_length");
    }

    @Test
    void aFinalizeWhoseSumIsThePointAtInfinityIs400() throws Exception {
        accepted(g, g.removeMember(3));
        // The contribution for leaf 3 is minus its current key: the additive result is the point at infinity.
        io.zrt.crypto.art.PublicTree tree = g.tree();
        java.util.List<io.zrt.crypto.cortado.CortadoPoint> keys = java.util.List.of(tree.leafKey(3).negate(),
                tree.rootKey());
        var change = new io.zrt.crypto.art.BranchChange(io.zrt.crypto.art.BranchChangeType.FINALIZE_REMOVAL, 3, keys);
        FrameTBS tbs = g.tbs(g.epoch() + 1, io.zrt.protocol.rules.ArtBranches.operation(change));
        refused(io.zrt.protocol.rules.Frames.proveOperation(tbs, 1,
                io.zrt.crypto.cortado.CortadoKeyPair.fromSecret(g.treeKey()), new byte[0]).toByteArray(), 400,
                "degenerate_key");
    }

    @Test
    void anInitWhoseTreeIsNotTheCanonicalArtEncodingIs400() throws Exception {
        GroupDriver fresh = GroupDriver.create();
        Frame good = Frame.parseFrom(fresh.init().bytes());
        FrameTBS tbs = FrameTBS.parseFrom(good.getTbs());
        byte[] tree = tbs.getGroupOperation().getInit().getPublicTree().toByteArray();
        byte[] trailing = java.util.Arrays.copyOf(tree, tree.length + 1);
        var op = tbs.getGroupOperation().toBuilder();
        op.getInitBuilder().setPublicTree(ByteString.copyFrom(trailing));
        FrameTBS bad = tbs.toBuilder().setGroupOperation(op).build();
        NodeClient.Response r = client.postFrame(fresh.id(),
                io.zrt.protocol.rules.Frames.signInit(bad, fresh.ownerIdentity()).toByteArray());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("invalid_public_tree");
        assertThat(stored.frameCount(fresh.id().text())).isZero();
    }

    @Test
    void pathKeysThatAreNotPointsAre400() throws Exception {
        GroupDriver.Pending valid = g.keyUpdate(5);
        Frame frame = Frame.parseFrom(valid.bytes());
        FrameTBS tbs = FrameTBS.parseFrom(frame.getTbs());
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff);
        var op = tbs.getGroupOperation().toBuilder();
        op.getKeyUpdateBuilder().setPathKeys(0, ByteString.copyFrom(notAPoint));
        FrameTBS broken = tbs.toBuilder().setGroupOperation(op).build();
        byte[] sig = io.zrt.crypto.schnorr.Schnorr.sign(io.zrt.protocol.rules.FrameDigests.associatedData(
                broken.toByteArray()), io.zrt.crypto.cortado.CortadoKeyPair.fromSecret(g.leafSecret(5)));
        var proof = io.zrt.protocol.ArtProof.newBuilder().setProverNode(5).setEligibility(ByteString.copyFrom(sig));
        refused(Frame.newBuilder().setTbs(broken.toByteString()).setProof(proof.build().toByteString()).build()
                .toByteArray(), 400, "invalid_field");
    }
}
