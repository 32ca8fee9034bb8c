package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.BranchChangeType;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.GroupOperation;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtBranchesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static MemberView group() throws Exception {
        return MemberView.createGroup(Scalar.of(21), List.of(Scalar.of(22), Scalar.of(23)));
    }

    @Test
    void wireFormRoundTripsForEveryType() throws Exception {
        MemberView owner = group();
        CreatedBranch add = owner.addMember(Scalar.of(24));
        CreatedBranch update = owner.keyUpdate(RANDOM);
        CreatedBranch remove = owner.removeMember(5, RANDOM);
        CreatedBranch finalize = remove.view().finalizeRemoval(5, RANDOM);
        MemberView member = MemberView.join(owner.publicTree(), 3, Scalar.of(22));
        CreatedBranch leave = member.leave(RANDOM);
        for (CreatedBranch created : List.of(add, update, remove, finalize, leave)) {
            BranchChange change = created.change();
            GroupOperation op = ArtBranches.operation(change);
            OperationKind kind = ArtBranches.kindOf(change.type());
            assertThat(ArtBranches.typeOf(kind)).isEqualTo(change.type());
            assertThat(ParsedFrame.branchOf(kind, op)).contains(ArtBranches.toWire(change));
            assertThat(ArtBranches.fromWire(kind, ArtBranches.toWire(change))).isEqualTo(change);
        }
        assertThat(ArtBranches.operation(leave.change()).hasLeaveGroup()).isTrue();
        assertThat(ArtBranches.operation(finalize.change()).hasFinalizeRemoval()).isTrue();
    }

    @Test
    void decodingRefusesBadPointsInfinityAndWrongShapes() throws Exception {
        io.zrt.protocol.BranchChange wire = ArtBranches.toWire(group().keyUpdate(RANDOM).change());
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);
        assertThat(rejection(wire.toBuilder().setPathKeys(0, ByteString.copyFrom(notAPoint)).build()))
                .isEqualTo(Rejection.INVALID_FIELD);
        byte[] infinity = CortadoPoint.infinity().encode();
        assertThat(rejection(wire.toBuilder().setPathKeys(1, ByteString.copyFrom(infinity)).build()))
                .isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejection(wire.toBuilder().clearPathKeys().addAllPathKeys(wire.getPathKeysList().subList(1, wire.getPathKeysCount())).build())).isEqualTo(Rejection.WRONG_PATH_LENGTH);
        assertThat(rejection(wire.toBuilder().setTarget(-1).build())).isEqualTo(Rejection.INDEX_OUT_OF_RANGE);
        assertThatThrownBy(() -> ArtBranches.typeOf(OperationKind.DROP_GROUP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ArtBranches.typeOf(OperationKind.LEAVE_GROUP)).isEqualTo(BranchChangeType.LEAVE);
    }

    private static Rejection rejection(io.zrt.protocol.BranchChange wire) {
        try {
            ArtBranches.fromWire(OperationKind.KEY_UPDATE, wire);
            return null;
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
    }
}
