package io.zrt.protocol.rules;

import io.zrt.protocol.ArtProof;

/**
 * Who may send what (PROTOCOL.md sections 6 and 7), checked against the tree as it is before the frame:
 *
 * <ul>
 *   <li>init: signature by the owner identity key carried in InitGroup, over ad;</li>
 *   <li>plain frame: signature by the tree key (root key) of the frame's epoch, over ad;</li>
 *   <li>key update, leave: proof of knowledge of the target leaf's current key;</li>
 *   <li>add member, remove member, drop group: proof of knowledge of the owner's (leftmost) leaf key;</li>
 *   <li>finalize removal: proof of knowledge of the tree key.</li>
 * </ul>
 *
 * A group operation's ArtProof names the node whose key made the proof ({@code prover_node}). The proof is
 * verified against that node's key first ({@link Rejection#INVALID_PROOF} when it fails), and only then is
 * the node compared with the one the table requires ({@link Rejection#NOT_ELIGIBLE}): a valid proof by the
 * wrong key is a permission problem, not an authentication one.
 */
public final class Eligibility {

    private Eligibility() {
    }

    public static void check(ParsedFrame frame, TreeKeys treeBefore, SignatureVerifier verifier)
            throws FrameRejectedException {
        byte[] ad = frame.associatedData();
        switch (frame.kind()) {
            case INIT -> verifier.verify(frame.init().orElseThrow().getOwnerIdentityKey().toByteArray(), ad,
                    frame.signature());
            case PLAIN -> verifier.verify(keyOf(treeBefore, TreeKeys.ROOT), ad, frame.signature());
            default -> {
                ArtProof proof = frame.artProof().orElseThrow();
                int prover = proof.getProverNode();
                byte[] proverKey = treeBefore.nodeKey(prover).orElseThrow(() -> new FrameRejectedException(
                        Rejection.INVALID_FIELD, "prover_node " + prover + " is not a node of the tree"));
                verifier.verify(proverKey, ad, frame.signature());
                int required = requiredNode(frame, treeBefore);
                if (prover != required) {
                    throw new FrameRejectedException(Rejection.NOT_ELIGIBLE, frame.kind().wireName()
                            + " requires a proof by " + describe(frame.kind().requiredKey()) + " (node " + required
                            + "), not by node " + prover);
                }
            }
        }
    }

    /** The heap index whose key must have made the eligibility proof of a group operation. */
    public static int requiredNode(ParsedFrame frame, TreeKeys treeBefore) {
        return switch (frame.kind().requiredKey()) {
            case TARGET_LEAF_KEY -> frame.branchChange().orElseThrow().getTarget();
            case OWNER_LEAF_KEY -> treeBefore.ownerLeaf();
            case TREE_KEY -> TreeKeys.ROOT;
            case OWNER_IDENTITY_KEY -> throw new IllegalArgumentException("init is proven by the identity key");
        };
    }

    private static byte[] keyOf(TreeKeys tree, int node) throws FrameRejectedException {
        return tree.nodeKey(node).orElseThrow(
                () -> new FrameRejectedException(Rejection.INVALID_FIELD, "tree has no node " + node));
    }

    private static String describe(RequiredKey key) {
        return switch (key) {
            case TARGET_LEAF_KEY -> "the target leaf's key";
            case OWNER_LEAF_KEY -> "the owner's leaf key";
            case TREE_KEY -> "the tree key";
            case OWNER_IDENTITY_KEY -> "the owner identity key";
        };
    }
}
