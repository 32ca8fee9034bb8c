package io.zrt.protocol.rules;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.protocol.ArtProof;

/**
 * Who may send what (PROTOCOL.md sections 6 and 7), with keys taken from the ART public tree as it is before
 * the frame:
 *
 * <ul>
 *   <li>init: signature by the owner identity key carried in InitGroup, over ad ({@link #checkInit});</li>
 *   <li>plain frame: signature by the tree key ({@link PublicTree#rootKey()}) of the frame's epoch;</li>
 *   <li>key update, leave: proof of knowledge of the target leaf's current key ({@link PublicTree#leafKey});</li>
 *   <li>add member, remove member, drop group: the owner's leftmost leaf key ({@link PublicTree#ownerLeafKey()});</li>
 *   <li>finalize removal: the tree key.</li>
 * </ul>
 *
 * A group operation's ArtProof names the node whose key made the proof ({@code prover_node}). The proof is
 * verified against that node's key first ({@link Rejection#INVALID_PROOF} when it fails), and only then is
 * the node compared with the one the table requires ({@link Rejection#NOT_ELIGIBLE}): a valid proof by the
 * wrong key is a permission problem, not an authentication one.
 */
public final class Eligibility {

    /** Heap index of the root, whose key is the tree key. */
    public static final long ROOT = 1;

    private Eligibility() {
    }

    /** An init frame: signed by the owner identity key it carries (there is no tree before it). */
    public static void checkInit(ParsedFrame frame, SignatureVerifier verifier) throws FrameRejectedException {
        if (frame.kind() != OperationKind.INIT) {
            throw new IllegalArgumentException("not an init frame");
        }
        verifier.verify(frame.init().orElseThrow().getOwnerIdentityKey().toByteArray(), frame.associatedData(),
                frame.signature());
    }

    /** Any frame but init, against the group's tree of the current epoch. */
    public static void check(ParsedFrame frame, PublicTree treeBefore, SignatureVerifier verifier)
            throws FrameRejectedException {
        byte[] ad = frame.associatedData();
        switch (frame.kind()) {
            case INIT -> throw new IllegalArgumentException("init frames are checked with checkInit");
            case PLAIN -> verifier.verify(treeBefore.rootKey().encode(), ad, frame.signature());
            default -> {
                ArtProof proof = frame.artProof().orElseThrow();
                long prover = Integer.toUnsignedLong(proof.getProverNode());
                if (!treeBefore.contains(prover)) {
                    throw new FrameRejectedException(Rejection.INVALID_FIELD,
                            "prover_node " + prover + " is not a node of the tree");
                }
                byte[] proverKey = keyOf(treeBefore, prover);
                verifier.verify(proverKey, ad, frame.signature());
                long required = requiredNode(frame.kind(), treeBefore, targetOf(frame));
                if (prover != required) {
                    throw new FrameRejectedException(Rejection.NOT_ELIGIBLE, frame.kind().wireName()
                            + " requires a proof by " + describe(frame.kind().requiredKey()) + " (node " + required
                            + "), not by node " + prover);
                }
            }
        }
    }

    /**
     * The heap index whose key must prove a group operation on {@code treeBefore}: the target leaf (key
     * update, leave), the owner's leftmost leaf (add, remove, drop) or the root (finalize removal). The SDK
     * uses it to pick the secret it signs with; the Node to judge {@code prover_node}.
     *
     * @param target the branch change's target (ignored for drop)
     */
    public static long requiredNode(OperationKind kind, PublicTree treeBefore, long target) {
        return switch (kind.requiredKey()) {
            case TARGET_LEAF_KEY -> target;
            case OWNER_LEAF_KEY -> treeBefore.ownerLeafIndex();
            case TREE_KEY -> ROOT;
            case OWNER_IDENTITY_KEY -> throw new IllegalArgumentException("init is proven by the identity key");
        };
    }

    private static long targetOf(ParsedFrame frame) {
        return frame.branchChange().map(b -> Integer.toUnsignedLong(b.getTarget())).orElse(0L);
    }

    private static byte[] keyOf(PublicTree tree, long node) throws FrameRejectedException {
        try {
            return tree.nodeKey(node).encode();
        } catch (ArtException e) {
            throw ArtRejections.of(e);
        }
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
