package io.zrt.protocol.rules;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.BranchWitness;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.zk.UnsatisfiedConstraintException;
import io.zrt.crypto.zk.branch.BranchBatchVerifier;
import io.zrt.crypto.zk.branch.BranchProver;
import io.zrt.crypto.zk.branch.BranchStatement;
import io.zrt.crypto.zk.branch.BranchVerifier;
import java.util.List;
import java.util.Objects;

/**
 * The branch-proof rule of PROTOCOL.md section 7, shared by the Node and the SDK: every group operation that
 * publishes a path (add, remove, finalize, key update, leave) carries in {@code ArtProof.branch} a proof that
 * the path keys are the ratchet of a secret the sender knows, over the co-path of the <em>verifier's own</em>
 * tree as it was before the frame, bound to the frame's ad. Any failure is
 * {@link Rejection#INVALID_BRANCH_PROOF}.
 *
 * <p>Call it after the structural checks ({@code PublicTree.apply} must have accepted the change), so that
 * the target and the path length are known to fit {@code treeBefore}.
 */
public final class BranchProofs {

    private BranchProofs() {
    }

    /** A frame to check and the tree it applies to (for {@link #checkAll}). */
    public record Pending(ParsedFrame frame, PublicTree treeBefore) {
        public Pending {
            Objects.requireNonNull(frame, "frame");
            Objects.requireNonNull(treeBefore, "treeBefore");
        }
    }

    /** The public input of the frame's branch proof, co-path from {@code treeBefore}, ad from the frame. */
    public static BranchStatement statement(ParsedFrame frame, PublicTree treeBefore) throws FrameRejectedException {
        return statement(ArtBranches.of(frame), treeBefore, frame.associatedData());
    }

    static BranchStatement statement(BranchChange change, PublicTree treeBefore, byte[] ad)
            throws FrameRejectedException {
        try {
            return BranchStatement.of(change, treeBefore, ad);
        } catch (ArtException e) {
            throw ArtRejections.of(e);
        }
    }

    /** Verifies one frame's branch proof; frames without a branch change pass. */
    public static void check(ParsedFrame frame, PublicTree treeBefore) throws FrameRejectedException {
        if (!frame.kind().changesBranch()) {
            return;
        }
        BranchStatement statement = statement(frame, treeBefore);
        try {
            BranchVerifier.verify(statement, branchBytes(frame));
        } catch (VerificationException e) {
            throw new FrameRejectedException(Rejection.INVALID_BRANCH_PROOF,
                    "the branch proof does not verify: " + e.getMessage());
        }
    }

    /**
     * Verifies several frames' branch proofs with one multi-scalar multiplication (each against its own tree,
     * e.g. a client catching up on a run of operations). On failure the rejection names the first bad frame
     * by its position in the list.
     */
    public static void checkAll(List<Pending> frames) throws FrameRejectedException {
        BranchBatchVerifier batch = new BranchBatchVerifier();
        for (int i = 0; i < frames.size(); i++) {
            Pending p = frames.get(i);
            if (!p.frame().kind().changesBranch()) {
                continue;
            }
            try {
                batch.add(statement(p.frame(), p.treeBefore()), branchBytes(p.frame()));
            } catch (VerificationException e) {
                throw new FrameRejectedException(Rejection.INVALID_BRANCH_PROOF,
                        "frame " + i + ": malformed branch proof");
            }
        }
        try {
            batch.verify();
        } catch (VerificationException e) {
            // Rare path: find the first bad frame one by one so the rejection can name it.
            for (int i = 0; i < frames.size(); i++) {
                try {
                    check(frames.get(i).frame(), frames.get(i).treeBefore());
                } catch (FrameRejectedException bad) {
                    throw new FrameRejectedException(bad.rejection(), "frame " + i + ": " + bad.getMessage());
                }
            }
            throw new FrameRejectedException(Rejection.INVALID_BRANCH_PROOF, "the batch does not verify");
        }
    }

    /**
     * Proves a branch change the caller created (with ART's witness) for a frame whose TBS bytes give
     * {@code ad}, over {@code treeBefore} (the creator's tree before the change).
     *
     * @throws FrameRejectedException {@link Rejection#INVALID_BRANCH_PROOF} if the witness cannot satisfy the
     *                                circuit (only possible with a crafted co-path key)
     */
    public static byte[] prove(BranchChange change, PublicTree treeBefore, byte[] ad, BranchWitness witness)
            throws FrameRejectedException {
        BranchStatement statement = statement(change, treeBefore, ad);
        try {
            return new BranchProver().prove(statement, witness).encode();
        } catch (UnsatisfiedConstraintException e) {
            throw new FrameRejectedException(Rejection.INVALID_BRANCH_PROOF,
                    "this branch cannot be proven over this tree: " + e.getMessage());
        }
    }

    /**
     * The frame's encoded branch proof as sent ({@code ArtProof.branch}); empty if the frame has none, which
     * never verifies. For verifiers that schedule the check themselves (the Node's batching verifier).
     */
    public static byte[] branchBytes(ParsedFrame frame) {
        return frame.artProof().map(p -> p.getBranch().toByteArray()).orElse(new byte[0]);
    }
}
