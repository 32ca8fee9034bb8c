package io.zrt.node.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.Rejection;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PublicTreeTest {

    private static BranchChange path(int target, long seed) {
        BranchChange.Builder b = BranchChange.newBuilder().setTarget(target);
        for (int i = 0; i < 32 - Integer.numberOfLeadingZeros(target); i++) {
            b.addPathKeys(ByteString.copyFrom(Cortado.multiplyGenerator(Scalar.of(seed + i)).encode()));
        }
        return b.build();
    }

    private static PublicTree grown(int members) throws Exception {
        PublicTree tree = PublicTree.singleLeaf(Cortado.multiplyGenerator(Scalar.of(7)));
        for (int i = 0; i < members; i++) {
            tree = BranchApplier.apply(tree, OperationKind.ADD_MEMBER, path(tree.placementTarget(), 100 + 10L * i));
        }
        return tree;
    }

    @Test
    void placementFollowsTheRuleOfTheSpecification() throws Exception {
        // Same targets as the add sequence of vectors/art.json: 3, 5, 7, 9.
        PublicTree tree = PublicTree.singleLeaf(Cortado.multiplyGenerator(Scalar.of(7)));
        int[] expected = {3, 5, 7, 9};
        for (int i = 0; i < expected.length; i++) {
            assertThat(tree.placementTarget()).isEqualTo(expected[i]);
            tree = BranchApplier.apply(tree, OperationKind.ADD_MEMBER, path(expected[i], 10L * i + 1));
        }
        assertThat(tree.ownerLeaf()).isEqualTo(8);
        assertThat(tree.weight(1)).isEqualTo(5);
        // A removed (BLANK) leaf is reused before the tree grows.
        tree = BranchApplier.apply(tree, OperationKind.REMOVE_MEMBER, path(5, 900));
        assertThat(tree.placementTarget()).isEqualTo(5);
    }

    @Test
    void encodingRoundTripsAndDecodingIsStrict() throws Exception {
        PublicTree tree = grown(3);
        byte[] encoded = PublicTreeCodec.encode(tree);
        assertThat(PublicTreeCodec.decode(encoded)).isEqualTo(tree);

        assertThat(rejection(Arrays.copyOf(encoded, encoded.length + 1))).isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejection(Arrays.copyOf(encoded, encoded.length - 1))).isEqualTo(Rejection.INVALID_FIELD);
        byte[] badVersion = encoded.clone();
        badVersion[0] = 2;
        assertThat(rejection(badVersion)).isEqualTo(Rejection.INVALID_FIELD);
        byte[] badKey = encoded.clone();
        Arrays.fill(badKey, 10, 42, (byte) 0xff); // first node's key is not a point
        assertThat(rejection(badKey)).isEqualTo(Rejection.INVALID_FIELD);
        byte[] leafAsInternal = encoded.clone();
        leafAsInternal[5 + 4 + 37 * (encoded.length / 37 - 1)] = 0; // last node (a leaf) claims to be internal
        assertThat(rejection(leafAsInternal)).isEqualTo(Rejection.INVALID_FIELD);
        assertThat(rejection(new byte[0])).isEqualTo(Rejection.INVALID_FIELD);
    }

    @Test
    void additiveFinalizeAddsTheContributionKeys() throws Exception {
        PublicTree tree = grown(2); // leaves 4 (owner), 5, 3
        tree = BranchApplier.apply(tree, OperationKind.LEAVE_GROUP, path(3, 500));
        BranchChange contribution = path(3, 700);
        PublicTree after = BranchApplier.apply(tree, OperationKind.FINALIZE_REMOVAL, contribution);
        assertThat(after.key(1)).isEqualTo(tree.key(1).add(Cortado.multiplyGenerator(Scalar.of(701))));
        assertThat(after.status(3)).contains(LeafStatus.BLANK);
        assertThatThrownBy(() -> BranchApplier.apply(after, OperationKind.KEY_UPDATE, path(3, 1)))
                .isInstanceOf(FrameRejectedException.class);
    }

    private static Rejection rejection(byte[] bytes) {
        try {
            PublicTreeCodec.decode(bytes);
            return null;
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
    }
}
