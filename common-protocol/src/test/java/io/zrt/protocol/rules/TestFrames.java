package io.zrt.protocol.rules;

import com.google.protobuf.ByteString;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.DropGroup;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.InitGroup;
import java.util.Arrays;

/** Builders of well-formed frames for the rule tests; each test then breaks exactly one thing. */
final class TestFrames {

    static final byte[] GROUP = filled(16, 7);

    private TestFrames() {
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static FrameTBS.Builder tbs(long epoch) {
        return FrameTBS.newBuilder()
                .setGroupId(ByteString.copyFrom(GROUP))
                .setEpoch(epoch)
                .setNonce(ByteString.copyFrom(filled(16, (int) epoch + 1)))
                .setProtectedPayload(ByteString.copyFrom(filled(40, 9)));
    }

    static BranchChange branch(int target) {
        int length = 32 - Integer.numberOfLeadingZeros(target);
        BranchChange.Builder b = BranchChange.newBuilder().setTarget(target);
        for (int i = 0; i < length; i++) {
            b.addPathKeys(ByteString.copyFrom(filled(32, 0x10 + i)));
        }
        return b.build();
    }

    static Frame plain(FrameTBS tbs, byte[] signature) {
        return Frame.newBuilder().setTbs(tbs.toByteString()).setProof(ByteString.copyFrom(signature)).build();
    }

    static Frame withOperation(FrameTBS tbs, int proverNode, byte[] eligibility) {
        ArtProof proof = ArtProof.newBuilder().setProverNode(proverNode)
                .setEligibility(ByteString.copyFrom(eligibility)).build();
        return Frame.newBuilder().setTbs(tbs.toByteString()).setProof(proof.toByteString()).build();
    }

    static GroupOperation keyUpdate(int target) {
        return GroupOperation.newBuilder().setKeyUpdate(branch(target)).build();
    }

    static GroupOperation addMember(int target) {
        return GroupOperation.newBuilder().setAddMember(branch(target)).build();
    }

    static GroupOperation finalizeRemoval(int target) {
        return GroupOperation.newBuilder().setFinalizeRemoval(branch(target)).build();
    }

    static GroupOperation drop() {
        return GroupOperation.newBuilder().setDropGroup(DropGroup.getDefaultInstance()).build();
    }

    static GroupOperation init(byte[] ownerKey) {
        return GroupOperation.newBuilder().setInit(InitGroup.newBuilder()
                .setOwnerIdentityKey(ByteString.copyFrom(ownerKey))
                .setPublicTree(ByteString.copyFrom(filled(10, 1)))).build();
    }

    static Frame init(byte[] ownerKey, byte[] signature) {
        FrameTBS t = tbs(0).setGroupOperation(init(ownerKey)).build();
        ArtProof proof = ArtProof.newBuilder().setEligibility(ByteString.copyFrom(signature)).build();
        return Frame.newBuilder().setTbs(t.toByteString()).setProof(proof.toByteString()).build();
    }

    /** Appends an unknown field (number 99, varint 1) to serialized bytes. */
    static byte[] withUnknownField(byte[] serialized) {
        byte[] out = Arrays.copyOf(serialized, serialized.length + 3);
        out[serialized.length] = (byte) 0x98; // field 99, wire type 0: tag 792 = 0x98 0x06
        out[serialized.length + 1] = 0x06;
        out[serialized.length + 2] = 0x01;
        return out;
    }
}
