package io.zrt.protocol.rules;

import static io.zrt.protocol.rules.TestFrames.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameParserTest {

    private static Rejection rejectionOf(byte[] bytes) {
        try {
            FrameParser.parse(bytes);
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
        throw new AssertionError("frame was accepted");
    }

    @Test
    void parsesPlainFrameAndKeepsTheBytesAsSent() throws Exception {
        Frame frame = TestFrames.plain(TestFrames.tbs(3).build(), filled(64, 1));
        ParsedFrame parsed = FrameParser.parse(frame.toByteArray());

        assertThat(parsed.kind()).isEqualTo(OperationKind.PLAIN);
        assertThat(parsed.epoch()).isEqualTo(3);
        assertThat(parsed.groupId().toBytes()).isEqualTo(TestFrames.GROUP);
        assertThat(parsed.frameBytes()).isEqualTo(frame.toByteArray());
        assertThat(parsed.tbsBytes()).isEqualTo(frame.getTbs().toByteArray());
        assertThat(parsed.signature()).isEqualTo(filled(64, 1));
        assertThat(parsed.artProof()).isEmpty();
        assertThat(parsed.branchChange()).isEmpty();
    }

    @Test
    void parsesEachGroupOperationKind() throws Exception {
        assertThat(FrameParser.parse(TestFrames.withOperation(
                TestFrames.tbs(1).setGroupOperation(TestFrames.keyUpdate(5)).build(), 5, filled(64, 2))
                .toByteArray()).kind()).isEqualTo(OperationKind.KEY_UPDATE);
        ParsedFrame add = FrameParser.parse(TestFrames.withOperation(
                TestFrames.tbs(1).setGroupOperation(TestFrames.addMember(3)).build(), 2, filled(64, 2))
                .toByteArray());
        assertThat(add.kind()).isEqualTo(OperationKind.ADD_MEMBER);
        assertThat(add.branchChange().orElseThrow().getTarget()).isEqualTo(3);
        assertThat(FrameParser.parse(TestFrames.withOperation(
                TestFrames.tbs(1).setGroupOperation(TestFrames.drop()).build(), 2, filled(64, 2))
                .toByteArray()).kind()).isEqualTo(OperationKind.DROP_GROUP);
        ParsedFrame init = FrameParser.parse(TestFrames.init(filled(32, 4), filled(64, 5)).toByteArray());
        assertThat(init.kind()).isEqualTo(OperationKind.INIT);
        assertThat(init.signature()).isEqualTo(filled(64, 5));
    }

    @Test
    void rejectsEmptyAndGarbageBytes() {
        assertThat(rejectionOf(new byte[0])).isEqualTo(Rejection.MALFORMED_FRAME);
        assertThat(rejectionOf(null)).isEqualTo(Rejection.MALFORMED_FRAME);
        assertThat(rejectionOf(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff})).isEqualTo(Rejection.MALFORMED_FRAME);
    }

    @Test
    void neverThrowsAnythingButTypedRejectionsOnRandomBytes() {
        Random random = new Random(42);
        Frame valid = TestFrames.plain(TestFrames.tbs(3).build(), filled(64, 1));
        byte[] base = valid.toByteArray();
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = base.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                FrameParser.parse(mutated);
            } catch (FrameRejectedException expected) {
                assertThat(expected.rejection()).isNotNull();
            }
            byte[] noise = new byte[random.nextInt(200) + 1];
            random.nextBytes(noise);
            try {
                FrameParser.parse(noise);
            } catch (FrameRejectedException expected) {
                assertThat(expected.rejection()).isNotNull();
            }
        }
    }

    @Test
    void rejectsUnknownFieldsAtEveryLevel() {
        Frame frame = TestFrames.plain(TestFrames.tbs(3).build(), filled(64, 1));
        assertThat(rejectionOf(TestFrames.withUnknownField(frame.toByteArray()))).isEqualTo(Rejection.MALFORMED_FRAME);

        byte[] tbsWithExtra = TestFrames.withUnknownField(TestFrames.tbs(3).build().toByteArray());
        Frame withBadTbs = frame.toBuilder().setTbs(ByteString.copyFrom(tbsWithExtra)).build();
        assertThat(rejectionOf(withBadTbs.toByteArray())).isEqualTo(Rejection.MALFORMED_FRAME);

        Frame op = TestFrames.withOperation(TestFrames.tbs(1).setGroupOperation(TestFrames.keyUpdate(2)).build(), 2,
                filled(64, 2));
        Frame withBadProof = op.toBuilder()
                .setProof(ByteString.copyFrom(TestFrames.withUnknownField(op.getProof().toByteArray()))).build();
        assertThat(rejectionOf(withBadProof.toByteArray())).isEqualTo(Rejection.MALFORMED_FRAME);
    }

    @Test
    void rejectsUnknownFieldInsideANestedOperation() {
        BranchChange branch = TestFrames.branch(2);
        byte[] branchWithExtra = TestFrames.withUnknownField(branch.toByteArray());
        // Splice the altered BranchChange in as raw bytes of field key_update (5) of GroupOperation.
        byte[] op = new byte[2 + branchWithExtra.length];
        op[0] = (byte) ((5 << 3) | 2);
        op[1] = (byte) branchWithExtra.length;
        System.arraycopy(branchWithExtra, 0, op, 2, branchWithExtra.length);
        byte[] tbsBytes = TestFrames.tbs(1).build().toByteArray();
        byte[] tbs = new byte[tbsBytes.length + 2 + op.length];
        System.arraycopy(tbsBytes, 0, tbs, 0, tbsBytes.length);
        tbs[tbsBytes.length] = (byte) ((4 << 3) | 2);
        tbs[tbsBytes.length + 1] = (byte) op.length;
        System.arraycopy(op, 0, tbs, tbsBytes.length + 2, op.length);
        ArtProof proof = ArtProof.newBuilder().setProverNode(2).setEligibility(ByteString.copyFrom(filled(64, 1)))
                .build();
        Frame frame = Frame.newBuilder().setTbs(ByteString.copyFrom(tbs)).setProof(proof.toByteString()).build();
        assertThat(rejectionOf(frame.toByteArray())).isEqualTo(Rejection.MALFORMED_FRAME);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17})
    void rejectsGroupIdOfWrongLength(int length) {
        FrameTBS tbs = TestFrames.tbs(0).setGroupId(ByteString.copyFrom(filled(length, 1))).build();
        assertThat(rejectionOf(TestFrames.plain(tbs, filled(64, 1)).toByteArray())).isEqualTo(Rejection.INVALID_FIELD);
    }

    @Test
    void rejectsBadNoncePayloadSignatureAndEpoch() {
        assertThat(rejectionOf(TestFrames.plain(TestFrames.tbs(0).setNonce(ByteString.copyFrom(filled(15, 1))).build(),
                filled(64, 1)).toByteArray())).isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejectionOf(TestFrames.plain(TestFrames.tbs(0)
                .setProtectedPayload(ByteString.copyFrom(filled(27, 1))).build(), filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejectionOf(TestFrames.plain(TestFrames.tbs(0).build(), filled(63, 1)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejectionOf(TestFrames.plain(TestFrames.tbs(0).setEpoch(-1L).build(), filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
    }

    @Test
    void rejectsOperationWithoutKindAndBadProofs() {
        FrameTBS noKind = TestFrames.tbs(1).setGroupOperation(GroupOperation.getDefaultInstance()).build();
        assertThat(rejectionOf(TestFrames.withOperation(noKind, 2, filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.MALFORMED_FRAME);

        FrameTBS update = TestFrames.tbs(1).setGroupOperation(TestFrames.keyUpdate(2)).build();
        assertThat(rejectionOf(TestFrames.withOperation(update, 2, filled(32, 1)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejectionOf(TestFrames.withOperation(update, 0, filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
        // A plain 64-byte signature where an ArtProof is expected does not parse as an ArtProof.
        Frame rawSignature = TestFrames.plain(update, filled(64, 0xff));
        assertThat(rejectionOf(rawSignature.toByteArray())).isIn(Rejection.MALFORMED_FRAME, Rejection.INVALID_FIELD);

        FrameTBS drop = TestFrames.tbs(1).setGroupOperation(TestFrames.drop()).build();
        Frame dropWithBranch = Frame.newBuilder().setTbs(drop.toByteString()).setProof(ArtProof.newBuilder()
                .setProverNode(2).setEligibility(ByteString.copyFrom(filled(64, 1)))
                .setBranch(ByteString.copyFrom(filled(5, 1))).build().toByteString()).build();
        assertThat(rejectionOf(dropWithBranch.toByteArray())).isEqualTo(Rejection.INVALID_FIELD);

        Frame initWithProver = TestFrames.init(filled(32, 4), filled(64, 5));
        ArtProof tampered = ArtProof.newBuilder().setEligibility(ByteString.copyFrom(filled(64, 5))).setProverNode(1)
                .build();
        assertThat(rejectionOf(initWithProver.toBuilder().setProof(tampered.toByteString()).build().toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejectionOf(TestFrames.init(filled(31, 4), filled(64, 5)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
    }

    @Test
    void branchPathLengthMustMatchTheTargetDepth() {
        BranchChange full = TestFrames.branch(4);
        BranchChange tooShort = full.toBuilder().clearPathKeys().addAllPathKeys(full.getPathKeysList().subList(1, 3))
                .build();
        FrameTBS tbs = TestFrames.tbs(1).setGroupOperation(GroupOperation.newBuilder().setKeyUpdate(tooShort)).build();
        assertThat(rejectionOf(TestFrames.withOperation(tbs, 4, filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.WRONG_PATH_LENGTH);

        BranchChange targetZero = BranchChange.newBuilder().setTarget(0).build();
        tbs = TestFrames.tbs(1).setGroupOperation(GroupOperation.newBuilder().setKeyUpdate(targetZero)).build();
        assertThat(rejectionOf(TestFrames.withOperation(tbs, 1, filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.INDEX_OUT_OF_RANGE);

        BranchChange shortKey = TestFrames.branch(2).toBuilder().setPathKeys(1, ByteString.copyFrom(filled(31, 1)))
                .build();
        tbs = TestFrames.tbs(1).setGroupOperation(GroupOperation.newBuilder().setKeyUpdate(shortKey)).build();
        assertThat(rejectionOf(TestFrames.withOperation(tbs, 2, filled(64, 1)).toByteArray()))
                .isEqualTo(Rejection.INVALID_FIELD);
    }
}
