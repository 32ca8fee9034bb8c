package io.zrt.protocol.rules;

import static io.zrt.protocol.rules.TestFrames.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.Frame;
import io.zrt.protocol.GroupOperation;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The eligibility table, checked with a toy keyed "signature" (SHA3 of key and digest, padded to 64 bytes):
 * these tests are about which key is demanded, not about Schnorr, which common-crypto tests.
 */
class EligibilityTest {

    /** A real ART tree of three leaves: 4 (owner, leftmost), 5, 3; internal 2; root 1. */
    private static final PublicTree TREE = tree();
    private static final byte[] IDENTITY = filled(32, 0x77);

    private static PublicTree tree() {
        try {
            return MemberView.createGroup(Scalar.of(11), List.of(Scalar.of(12), Scalar.of(13))).publicTree();
        } catch (ArtException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] key(int node) {
        try {
            return TREE.nodeKey(node).encode();
        } catch (ArtException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] toySign(byte[] key, byte[] digest) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA3-256");
            d.update(key);
            d.update(digest);
            return Arrays.copyOf(d.digest(), 64);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final SignatureVerifier TOY = (key, digest, signature) -> {
        if (!MessageDigest.isEqual(toySign(key, digest), signature)) {
            throw new FrameRejectedException(Rejection.INVALID_PROOF, "toy signature mismatch");
        }
    };

    /** A frame with the given operation, proven by node {@code prover} (a correct toy signature over ad). */
    private static ParsedFrame operation(GroupOperation op, int prover, boolean corrupt) throws Exception {
        var tbs = TestFrames.tbs(1).setGroupOperation(op).build();
        byte[] ad = FrameDigests.associatedData(tbs.toByteArray());
        byte[] sig = toySign(key(prover), ad);
        if (corrupt) {
            sig[0] ^= 1;
        }
        return FrameParser.parse(TestFrames.withOperation(tbs, prover, sig).toByteArray());
    }

    private static Rejection rejection(ParsedFrame frame) {
        try {
            if (frame.kind() == OperationKind.INIT) {
                Eligibility.checkInit(frame, TOY);
            } else {
                Eligibility.check(frame, TREE, TOY);
            }
            return null;
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
    }

    @Test
    void keyUpdateAndLeaveNeedTheTargetLeafKey() throws Exception {
        assertThat(rejection(operation(TestFrames.keyUpdate(5), 5, false))).isNull();
        assertThat(rejection(operation(TestFrames.keyUpdate(5), 3, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
        assertThat(rejection(operation(TestFrames.keyUpdate(5), 4, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
        assertThat(rejection(operation(TestFrames.keyUpdate(5), 5, true))).isEqualTo(Rejection.INVALID_PROOF);
        GroupOperation leave = GroupOperation.newBuilder().setLeaveGroup(TestFrames.branch(3)).build();
        assertThat(rejection(operation(leave, 3, false))).isNull();
        assertThat(rejection(operation(leave, 1, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
    }

    @Test
    void ownerOperationsNeedTheLeftmostLeafKey() throws Exception {
        assertThat(rejection(operation(TestFrames.addMember(11), 4, false))).isNull();
        assertThat(rejection(operation(TestFrames.addMember(11), 5, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
        assertThat(rejection(operation(TestFrames.addMember(11), 1, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
        assertThat(rejection(operation(TestFrames.addMember(11), 4, true))).isEqualTo(Rejection.INVALID_PROOF);
        GroupOperation remove = GroupOperation.newBuilder().setRemoveMember(TestFrames.branch(5)).build();
        assertThat(rejection(operation(remove, 4, false))).isNull();
        assertThat(rejection(operation(remove, 5, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
        assertThat(rejection(operation(TestFrames.drop(), 4, false))).isNull();
        assertThat(rejection(operation(TestFrames.drop(), 3, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
    }

    @Test
    void finalizeRemovalNeedsTheTreeKey() throws Exception {
        assertThat(rejection(operation(TestFrames.finalizeRemoval(5), 1, false))).isNull();
        assertThat(rejection(operation(TestFrames.finalizeRemoval(5), 5, false))).isEqualTo(Rejection.NOT_ELIGIBLE);
        assertThat(rejection(operation(TestFrames.finalizeRemoval(5), 1, true))).isEqualTo(Rejection.INVALID_PROOF);
    }

    @Test
    void proverMustBeANodeOfTheTree() throws Exception {
        var tbs = TestFrames.tbs(1).setGroupOperation(TestFrames.keyUpdate(9)).build();
        ParsedFrame frame = FrameParser.parse(TestFrames.withOperation(tbs, 9, filled(64, 1)).toByteArray());
        assertThat(rejection(frame)).isEqualTo(Rejection.INVALID_FIELD);
    }

    @Test
    void plainFramesAreSignedWithTheTreeKey() throws Exception {
        var tbs = TestFrames.tbs(1).build();
        byte[] ad = FrameDigests.associatedData(tbs.toByteArray());
        assertThat(rejection(FrameParser.parse(TestFrames.plain(tbs, toySign(key(1), ad)).toByteArray())))
                .isNull();
        assertThat(rejection(FrameParser.parse(TestFrames.plain(tbs, toySign(key(4), ad)).toByteArray())))
                .isEqualTo(Rejection.INVALID_PROOF);
    }

    @Test
    void initIsSignedWithTheOwnerIdentityKeyItCarries() throws Exception {
        Frame unsigned = TestFrames.init(IDENTITY, filled(64, 0));
        byte[] ad = FrameDigests.associatedData(unsigned.getTbs().toByteArray());
        ParsedFrame signed = FrameParser.parse(TestFrames.init(IDENTITY, toySign(IDENTITY, ad)).toByteArray());
        assertThatCode(() -> Eligibility.checkInit(signed, TOY)).doesNotThrowAnyException();
        ParsedFrame wrongKey = FrameParser.parse(TestFrames.init(IDENTITY, toySign(key(4), ad)).toByteArray());
        assertThat(rejection(wrongKey)).isEqualTo(Rejection.INVALID_PROOF);
    }

    @Test
    void requiredKeysFollowTheTable() {
        assertThat(OperationKind.KEY_UPDATE.requiredKey()).isEqualTo(RequiredKey.TARGET_LEAF_KEY);
        assertThat(OperationKind.LEAVE_GROUP.requiredKey()).isEqualTo(RequiredKey.TARGET_LEAF_KEY);
        assertThat(OperationKind.ADD_MEMBER.requiredKey()).isEqualTo(RequiredKey.OWNER_LEAF_KEY);
        assertThat(OperationKind.REMOVE_MEMBER.requiredKey()).isEqualTo(RequiredKey.OWNER_LEAF_KEY);
        assertThat(OperationKind.DROP_GROUP.requiredKey()).isEqualTo(RequiredKey.OWNER_LEAF_KEY);
        assertThat(OperationKind.FINALIZE_REMOVAL.requiredKey()).isEqualTo(RequiredKey.TREE_KEY);
        assertThat(OperationKind.PLAIN.requiredKey()).isEqualTo(RequiredKey.TREE_KEY);
        assertThat(OperationKind.INIT.requiredKey()).isEqualTo(RequiredKey.OWNER_IDENTITY_KEY);
    }
}
