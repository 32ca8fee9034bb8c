package io.zrt.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.zrt.client.DecryptionFailedException;
import io.zrt.client.GroupEvent;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.ChangeGroupAction;
import io.zrt.protocol.ChatMessage;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupActionPayload;
import io.zrt.protocol.GroupInfo;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.Payload;
import io.zrt.protocol.ProtectedPayloadTBS;
import io.zrt.protocol.Sender;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.GroupId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Section 13 checks on the receiving side: every forged frame is refused with a typed error, state untouched. */
class FrameRejectionTest {

    private final OfflineGroup g = new OfflineGroup();

    FrameRejectionTest() throws Exception {
    }

    private static List<Payload> chat(String text) {
        return List.of(Payload.newBuilder().setChat(ChatMessage.newBuilder().setText(text)).build());
    }

    private static ProtectedPayloadTBS payload(Sender sender, List<Payload> payloads) {
        return ProtectedPayloadTBS.newBuilder().setCounter(5).setCreated(1).setSender(sender)
                .addAllPayloads(payloads).build();
    }

    private Sender alice() {
        return Sender.newBuilder().setUserId(g.aliceState.myUserId()).build();
    }

    /** A plain frame of the current epoch, correctly proven with the tree key, whose payload is as given. */
    private byte[] plainFrame(SessionState s, ProtectedPayloadTBS payload, CortadoKeyPair payloadSigner) {
        return FrameFactory.build(s.groupId(), s.epoch(), null, s.stageKey(), payload, payloadSigner,
                new FrameFactory.Prover(CortadoKeyPair.fromSecret(s.view().treeKey()), 1), g.random);
    }

    private void assertRejected(byte[] frame, Check check) {
        SessionState before = g.bobState;
        assertThatThrownBy(() -> FrameProcessor.process(before, 1, frame, 0))
                .isInstanceOfSatisfying(VerificationFailedException.class, e -> assertThat(e.check()).isEqualTo(check));
        assertThat(StateCodec.encode(g.bobState)).isEqualTo(StateCodec.encode(before));
    }

    /**
     * The skip rule: a plain frame the Node would accept (right epoch, proven with the tree key) whose content
     * members refuse is passed over — no message, one FrameRefused event naming the check, and no change of
     * the state but its position.
     */
    private void assertSkipped(byte[] frame, String check) throws Exception {
        SessionState before = g.bobState;
        FrameProcessor.Processed processed = FrameProcessor.process(before, 1, frame, 0);
        assertThat(processed.message()).isNull();
        assertThat(processed.events()).singleElement().isInstanceOfSatisfying(GroupEvent.FrameRefused.class,
                e -> assertThat(e.reason()).contains(check));
        SessionState.Builder onlyMoved = before.toBuilder();
        onlyMoved.nextSeq = 2;
        assertThat(StateCodec.encode(processed.state())).isEqualTo(StateCodec.encode(onlyMoved.build()));
        assertThat(StateCodec.encode(g.bobState)).isEqualTo(StateCodec.encode(before));
    }

    @Test
    void aJoinMustBeSignedByTheIdentityItAnnounces() throws Exception {
        CortadoKeyPair carol = CortadoKeyPair.generate(g.random);
        long leaf = g.bobState.myLeaf();
        User claimed = User.newBuilder().setId(io.zrt.crypto.x3dh.UserId.of(carol.publicKey())).setName("Carol")
                .setIdentityKey(ByteString.copyFrom(carol.publicKey().encode())).setLeaf((int) leaf).build();
        byte[] forged = g.bobOps.keyUpdate(g.bobState, claimed, 1).frame(); // signed by Bob's key, not Carol's
        assertThatThrownBy(() -> FrameProcessor.process(g.aliceState, g.aliceState.nextSeq(), forged, 0))
                .isInstanceOfSatisfying(VerificationFailedException.class, e -> {
                    assertThat(e.check()).isEqualTo(Check.GROUP_ACTION);
                    assertThat(e.getMessage()).contains("identity signature");
                });
        User me = User.newBuilder().setId(g.bobState.myUserId()).setName("Bob")
                .setIdentityKey(ByteString.copyFrom(g.bob.publicKey().encode())).setLeaf((int) leaf).build();
        byte[] genuine = g.bobOps.keyUpdate(g.bobState, me, 1).frame();
        FrameProcessor.Processed processed = FrameProcessor.process(g.aliceState, g.aliceState.nextSeq(), genuine,
                0);
        assertThat(processed.state().members().get(leaf).getName()).isEqualTo("Bob");
    }

    @Test
    void genuineMessageIsAcceptedAndAdvancesTheSession() throws Exception {
        byte[] frame = g.aliceOps.plain(g.aliceState, chat("hello bob"), 7).frame();
        FrameProcessor.Processed processed = FrameProcessor.process(g.bobState, 1, frame, 0);
        assertThat(processed.message().chats()).containsExactly("hello bob");
        assertThat(processed.message().senderUserId()).isEqualTo(g.aliceState.myUserId());
        assertThat(processed.state().nextSeq()).isEqualTo(2);
        assertThat(processed.state().othersSpoke()).isTrue();
        assertThat(g.bobState.nextSeq()).isEqualTo(1);
    }

    @Test
    void payloadSignedByAnotherKeyIsSkipped() throws Exception {
        CortadoKeyPair stranger = CortadoKeyPair.generate(g.random);
        assertSkipped(plainFrame(g.aliceState, payload(alice(), chat("forged")), stranger), "PAYLOAD_SIGNATURE");
    }

    @Test
    void memberClaimingToBeTheOwnerIsSkipped() throws Exception {
        // Bob knows every group key; he signs with his own identity key but names Alice as sender.
        assertSkipped(plainFrame(g.bobState, payload(alice(), chat("I am alice")), g.bob), "PAYLOAD_SIGNATURE");
    }

    @Test
    void senderOutsideTheMemberListIsSkipped() throws Exception {
        CortadoKeyPair stranger = CortadoKeyPair.generate(g.random);
        Sender unknown = Sender.newBuilder().setUserId(io.zrt.crypto.x3dh.UserId.of(stranger.publicKey())).build();
        assertSkipped(plainFrame(g.aliceState, payload(unknown, chat("hi")), stranger), "SENDER");
    }

    @Test
    void nonOwnerCannotChangeGroupMetadata() throws Exception {
        Payload rename = Operations.action(GroupActionPayload.newBuilder().setChangeGroup(ChangeGroupAction
                .newBuilder().setGroup(GroupInfo.newBuilder().setName("bob's group"))).build());
        Sender bob = Sender.newBuilder().setUserId(g.bobState.myUserId()).build();
        assertSkipped(plainFrame(g.bobState, payload(bob, List.of(rename)), g.bob), "GROUP_ACTION");
    }

    @Test
    void keyUpdateWithAWrongRootIsRejectedByItsBranchProof() throws Exception {
        SessionState s = g.aliceState;
        CreatedBranch created = s.view().keyUpdate(g.random);
        var wire = io.zrt.protocol.rules.ArtBranches.toWire(created.change()).toBuilder();
        // Replace the published root key with an unrelated point, and prove the honest path for this very frame:
        // eligibility still verifies, but the published keys are no longer one ratchet, so the proof cannot.
        wire.setPathKeys(wire.getPathKeysCount() - 1,
                ByteString.copyFrom(Cortado.multiplyGenerator(Scalar.of(12345)).encode()));
        byte[] frame = FrameFactory.build(s.groupId(), s.epoch() + 1,
                GroupOperation.newBuilder().setKeyUpdate(wire).build(),
                KeySchedule.nextStageKey(s.stageKey(), created.view().treeKey()), payload(alice(), List.of()), g.alice,
                new FrameFactory.Prover(CortadoKeyPair.fromSecret(s.view().leafSecret()), (int) s.myLeaf()), g.random);
        assertRejected(frame, Check.BRANCH_PROOF);
        assertRejected(withBranchProof(frame, honestProof(s, created, frame)), Check.BRANCH_PROOF);
    }

    /** The proof of the honest branch {@code created}, bound to {@code frame}'s ad (which carries other keys). */
    private static byte[] honestProof(SessionState s, CreatedBranch created, byte[] frame) throws Exception {
        byte[] ad = io.zrt.protocol.rules.FrameDigests.associatedData(Frame.parseFrom(frame).getTbs().toByteArray());
        return io.zrt.protocol.rules.BranchProofs.prove(created.change(), s.view().publicTree(), ad, created.witness());
    }

    /** The frame with its ArtProof's branch part replaced (the eligibility signature covers only the TBS). */
    private static byte[] withBranchProof(byte[] frame, byte[] branchProof) throws Exception {
        Frame parsed = Frame.parseFrom(frame);
        ArtProof proof = ArtProof.parseFrom(parsed.getProof()).toBuilder()
                .setBranch(ByteString.copyFrom(branchProof)).build();
        return parsed.toBuilder().setProof(proof.toByteString()).build().toByteArray();
    }

    private static byte[] branchProofOf(byte[] frame) throws Exception {
        return ArtProof.parseFrom(Frame.parseFrom(frame).getProof()).getBranch().toByteArray();
    }

    @Test
    void keyUpdateWithAGenuineBranchProofIsAccepted() throws Exception {
        byte[] frame = g.aliceOps.keyUpdate(g.aliceState, null, 3).frame();
        assertThat(branchProofOf(frame)).isNotEmpty();
        FrameProcessor.Processed processed = FrameProcessor.process(g.bobState, 1, frame, 0);
        assertThat(processed.message().kind()).isEqualTo(io.zrt.client.FrameKind.KEY_UPDATE);
        assertThat(processed.state().epoch()).isEqualTo(g.bobState.epoch() + 1);
    }

    @Test
    void operationWithAnAlteredMissingOrMovedBranchProofIsRejectedAndTheSessionUnchanged() throws Exception {
        byte[] genuine = g.aliceOps.keyUpdate(g.aliceState, null, 3).frame();
        byte[] proof = branchProofOf(genuine);
        byte[] altered = proof.clone();
        altered[proof.length / 2] ^= 0x01;
        assertRejected(withBranchProof(genuine, altered), Check.BRANCH_PROOF);
        byte[] truncated = java.util.Arrays.copyOf(proof, proof.length - 1);
        assertRejected(withBranchProof(genuine, truncated), Check.BRANCH_PROOF);
        assertRejected(withBranchProof(genuine, new byte[0]), Check.BRANCH_PROOF);
        // A valid proof of another key update of the same member, same epoch: bound to the other frame's ad.
        byte[] other = g.aliceOps.keyUpdate(g.aliceState, null, 4).frame();
        assertRejected(withBranchProof(genuine, branchProofOf(other)), Check.BRANCH_PROOF);
        // The genuine frame still goes through afterwards: the rejections left nothing behind.
        assertThat(FrameProcessor.process(g.bobState, 1, genuine, 0).state().epoch())
                .isEqualTo(g.bobState.epoch() + 1);
    }

    @Test
    void keyUpdateProvenByAnotherLeafIsRejected() throws Exception {
        SessionState s = g.bobState;
        CreatedBranch created = s.view().keyUpdate(g.random);
        // Bob updates his leaf but proves with the tree key (a key every member knows): not eligible.
        byte[] frame = FrameFactory.build(s.groupId(), s.epoch() + 1,
                GroupOperation.newBuilder().setKeyUpdate(io.zrt.protocol.rules.ArtBranches.toWire(created.change())).build(),
                KeySchedule.nextStageKey(s.stageKey(), created.view().treeKey()),
                payload(Sender.newBuilder().setUserId(s.myUserId()).build(), List.of()), g.bob,
                new FrameFactory.Prover(CortadoKeyPair.fromSecret(s.view().treeKey()), 1), g.random);
        assertRejected(frame, Check.ELIGIBILITY);
    }

    @Test
    void frameOfAnotherGroupOrEpochOrSeqIsRejected() throws Exception {
        byte[] genuine = g.aliceOps.plain(g.aliceState, chat("x"), 1).frame();
        assertThatThrownBy(() -> FrameProcessor.process(g.bobState, 2, genuine, 0))
                .isInstanceOfSatisfying(VerificationFailedException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.SEQUENCE));
        SessionState s = g.aliceState;
        SessionState.Builder other = s.toBuilder();
        other.groupId = GroupId.random(g.random);
        assertRejected(plainFrame(other.build(), payload(alice(), chat("x")), g.alice), Check.GROUP_ID);
        SessionState.Builder later = s.toBuilder();
        later.epoch = s.epoch() + 3;
        assertRejected(plainFrame(later.build(), payload(alice(), chat("x")), g.alice), Check.EPOCH);
    }

    @Test
    void tamperedCiphertextIsSkippedAndMalformedBytesFailParsing() throws Exception {
        byte[] genuine = g.aliceOps.plain(g.aliceState, chat("x"), 1).frame();
        Frame frame = Frame.parseFrom(genuine);
        FrameTBS tbs = FrameTBS.parseFrom(frame.getTbs());
        byte[] payload = tbs.getProtectedPayload().toByteArray();
        payload[payload.length - 1] ^= 1;
        byte[] tbsBytes = tbs.toBuilder().setProtectedPayload(ByteString.copyFrom(payload)).build().toByteArray();
        byte[] proof = io.zrt.crypto.schnorr.Schnorr.sign(io.zrt.protocol.rules.FrameDigests.associatedData(tbsBytes),
                CortadoKeyPair.fromSecret(g.aliceState.view().treeKey()));
        byte[] tampered = Frame.newBuilder().setTbs(ByteString.copyFrom(tbsBytes)).setProof(ByteString.copyFrom(proof))
                .build().toByteArray();
        assertSkipped(tampered, "does not decrypt");
        List<byte[]> garbage = new ArrayList<>(List.of(new byte[0], new byte[] {1, 2, 3}, genuine.clone()));
        garbage.get(2)[genuine.length / 2] ^= 0x40;
        for (byte[] bytes : garbage) {
            assertThatThrownBy(() -> FrameProcessor.process(g.bobState, 1, bytes, 0))
                    .isInstanceOfAny(VerificationFailedException.class, DecryptionFailedException.class);
        }
    }
}
