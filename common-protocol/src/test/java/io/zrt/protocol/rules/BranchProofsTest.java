package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.FrameTBS;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The branch-proof rule with real proofs: frames made by {@link Frames#proveOperation(FrameTBS, MemberView,
 * CreatedBranch)} pass, singly and as a batch; a missing proof, a proof for another frame, and a co-path from
 * another tree are {@code invalid_branch_proof}. One group of two (depth-1 proofs, made once).
 */
class BranchProofsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final GroupId GROUP = GroupId.random(RANDOM);
    private static MemberView owner;
    private static ParsedFrame update;
    private static ParsedFrame add;

    private static FrameTBS tbs(io.zrt.protocol.GroupOperation op) {
        return Frames.withPayload(Frames.header(GROUP, 1, Frames.newNonce(RANDOM), op), new byte[40]);
    }

    @BeforeAll
    static void frames() throws Exception {
        owner = MemberView.createGroup(Scalar.of(41), List.of(Scalar.of(42)));
        CreatedBranch keyUpdate = owner.keyUpdate(RANDOM);
        update = FrameParser.parse(Frames.proveOperation(tbs(ArtBranches.operation(keyUpdate.change())), owner,
                keyUpdate).toByteArray());
        CreatedBranch addMember = owner.addMember(Scalar.of(43));
        add = FrameParser.parse(Frames.proveOperation(tbs(ArtBranches.operation(addMember.change())), owner,
                addMember).toByteArray());
    }

    private static Rejection rejection(ThrowingCall call) {
        try {
            call.run();
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
        throw new AssertionError("not rejected");
    }

    interface ThrowingCall {
        void run() throws FrameRejectedException;
    }

    private static ParsedFrame withBranch(ParsedFrame frame, byte[] branch) throws Exception {
        ArtProof proof = frame.artProof().orElseThrow().toBuilder()
                .setBranch(com.google.protobuf.ByteString.copyFrom(branch)).build();
        return FrameParser.parse(frame.frame().toBuilder().setProof(proof.toByteString()).build().toByteArray());
    }

    @Test
    void realProofsPassSinglyAndAsABatch() {
        PublicTree tree = owner.publicTree();
        assertThatCode(() -> BranchProofs.check(update, tree)).doesNotThrowAnyException();
        assertThatCode(() -> BranchProofs.check(add, tree)).doesNotThrowAnyException();
        assertThatCode(() -> BranchProofs.checkAll(List.of(new BranchProofs.Pending(update, tree),
                new BranchProofs.Pending(add, tree)))).doesNotThrowAnyException();
        assertThatCode(() -> BranchProofs.checkAll(List.of())).doesNotThrowAnyException();
    }

    @Test
    void missingMovedOrMisplacedProofsAreRejected() throws Exception {
        PublicTree tree = owner.publicTree();
        ParsedFrame empty = withBranch(update, new byte[0]);
        assertThat(rejection(() -> BranchProofs.check(empty, tree)))
                .isEqualTo(Rejection.INVALID_BRANCH_PROOF);
        byte[] addProof = add.artProof().orElseThrow().getBranch().toByteArray();
        ParsedFrame moved = withBranch(update, addProof);
        assertThat(rejection(() -> BranchProofs.check(moved, tree))).isEqualTo(Rejection.INVALID_BRANCH_PROOF);
        // The same frame judged against another tree (whose co-path differs) fails.
        PublicTree other = MemberView.createGroup(Scalar.of(44), List.of(Scalar.of(45))).publicTree();
        assertThat(rejection(() -> BranchProofs.check(update, other))).isEqualTo(Rejection.INVALID_BRANCH_PROOF);
        FrameRejectedException batch = org.junit.jupiter.api.Assertions.assertThrows(FrameRejectedException.class,
                () -> BranchProofs.checkAll(List.of(new BranchProofs.Pending(add, tree),
                        new BranchProofs.Pending(moved, tree))));
        assertThat(batch.rejection()).isEqualTo(Rejection.INVALID_BRANCH_PROOF);
        assertThat(batch.getMessage()).contains("frame 1");
    }

    @Test
    void aWitnessForAnotherBranchCannotProveThisFrame() throws Exception {
        CreatedBranch first = owner.keyUpdate(RANDOM);
        CreatedBranch second = owner.keyUpdate(RANDOM);
        FrameTBS tbs = tbs(ArtBranches.operation(first.change()));
        assertThatThrownBy(() -> Frames.branchProof(tbs, owner.publicTree(), second.witness()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Rejection.ofCode("invalid_branch_proof")).contains(Rejection.INVALID_BRANCH_PROOF);
        assertThat(Rejection.INVALID_BRANCH_PROOF.kind()).isEqualTo(Rejection.Kind.UNAUTHENTICATED);
    }
}
