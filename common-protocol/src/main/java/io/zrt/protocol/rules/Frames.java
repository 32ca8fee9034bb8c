package io.zrt.protocol.rules;

import com.google.protobuf.ByteString;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.BranchWitness;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.IndexOutOfRangeException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.DropGroup;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.InitGroup;
import java.security.SecureRandom;

/**
 * Builds frames exactly as {@link FrameParser} and {@link Eligibility} check them, for the SDK and for tests.
 * Sending a frame takes three steps, because the payload AAD covers the header but not the payload:
 *
 * <ol>
 *   <li>{@link #header}: the FrameTBS with an empty payload; {@link FrameDigests#payloadAad} of it is the AAD;</li>
 *   <li>{@link #withPayload}: the same TBS with the AEAD ciphertext;</li>
 *   <li>{@link #signPlain}, {@link #signInit} or {@link #proveOperation}: the Frame, signed over ad of the
 *       serialized TBS (those exact bytes are what travels).</li>
 * </ol>
 */
public final class Frames {

    private Frames() {
    }

    /** 16 fresh random bytes: the frame nonce, unique per group. */
    public static byte[] newNonce(SecureRandom random) {
        byte[] nonce = new byte[FrameParser.NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    /**
     * The FrameTBS before encryption (payload empty).
     *
     * @param epoch     the current epoch for a plain frame, current + 1 for an operation, 0 for init
     * @param operation the group operation, or null for a plain frame
     */
    public static FrameTBS header(GroupId group, long epoch, byte[] nonce, GroupOperation operation) {
        if (nonce.length != FrameParser.NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be 16 bytes");
        }
        FrameTBS.Builder tbs = FrameTBS.newBuilder().setGroupId(ByteString.copyFrom(group.toBytes()))
                .setEpoch(epoch).setNonce(ByteString.copyFrom(nonce));
        if (operation != null) {
            tbs.setGroupOperation(operation);
        }
        return tbs.build();
    }

    /** The header with its encrypted payload (nonce ‖ ciphertext ‖ tag, at least 28 bytes). */
    public static FrameTBS withPayload(FrameTBS header, byte[] protectedPayload) {
        return header.toBuilder().setProtectedPayload(ByteString.copyFrom(protectedPayload)).build();
    }

    /** InitGroup: the owner identity key and the initial tree in the canonical ART encoding. */
    public static GroupOperation init(CortadoPoint ownerIdentityKey, PublicTree initialTree) {
        return GroupOperation.newBuilder().setInit(InitGroup.newBuilder()
                .setOwnerIdentityKey(ByteString.copyFrom(ownerIdentityKey.encode()))
                .setPublicTree(ByteString.copyFrom(initialTree.encode()))).build();
    }

    /** DropGroup (owner only, proven with the owner's leaf key). */
    public static GroupOperation drop() {
        return GroupOperation.newBuilder().setDropGroup(DropGroup.getDefaultInstance()).build();
    }

    /** A plain frame: Schnorr signature over ad by the tree key of the frame's epoch. */
    public static Frame signPlain(FrameTBS tbs, CortadoKeyPair treeKey) {
        byte[] tbsBytes = tbs.toByteArray();
        byte[] signature = Schnorr.sign(FrameDigests.associatedData(tbsBytes), treeKey);
        return Frame.newBuilder().setTbs(ByteString.copyFrom(tbsBytes)).setProof(ByteString.copyFrom(signature))
                .build();
    }

    /** The init frame: an ArtProof whose eligibility part is the owner identity key's signature over ad. */
    public static Frame signInit(FrameTBS tbs, CortadoKeyPair ownerIdentity) {
        return prove(tbs, 0, ownerIdentity, new byte[0]);
    }

    /**
     * A group operation proven by the member whose view (before the operation) is given: the prover node is
     * the one {@link Eligibility#requiredNode} names, and its secret comes from the view's path.
     *
     * @param branchProof the zero-knowledge branch proof ({@link #branchProof}; empty for drop)
     * @throws FrameRejectedException {@link Rejection#NOT_ELIGIBLE} if the required node is not on the
     *                                member's path (e.g. a member who is not the owner trying to add)
     */
    public static Frame proveOperation(FrameTBS tbs, MemberView viewBefore, byte[] branchProof)
            throws FrameRejectedException {
        if (!tbs.hasGroupOperation()) {
            throw new IllegalArgumentException("a plain frame is signed with signPlain");
        }
        OperationKind kind = OperationKind.of(tbs.getGroupOperation());
        if (kind == OperationKind.INIT) {
            throw new IllegalArgumentException("an init frame is signed with signInit");
        }
        long target = ParsedFrame.branchOf(kind, tbs.getGroupOperation())
                .map(b -> Integer.toUnsignedLong(b.getTarget())).orElse(0L);
        long node = Eligibility.requiredNode(kind, viewBefore.publicTree(), target);
        CortadoKeyPair key;
        try {
            key = CortadoKeyPair.fromSecret(viewBefore.pathSecret(node));
        } catch (IndexOutOfRangeException e) {
            throw new FrameRejectedException(Rejection.NOT_ELIGIBLE,
                    kind.wireName() + " needs the key of node " + node + ", which this member does not hold");
        }
        return prove(tbs, node, key, branchProof);
    }

    /**
     * A group operation that publishes a branch the member created: the eligibility proof as in
     * {@link #proveOperation(FrameTBS, MemberView, byte[])}, and the zero-knowledge branch proof made from
     * {@code created}'s witness over the view's tree (before the operation) and this frame's ad. The TBS must
     * carry {@code created}'s branch change.
     */
    public static Frame proveOperation(FrameTBS tbs, MemberView viewBefore, CreatedBranch created)
            throws FrameRejectedException {
        byte[] branchProof = branchProof(tbs, viewBefore.publicTree(), created.witness());
        return proveOperation(tbs, viewBefore, branchProof);
    }

    /**
     * The branch proof for the branch change a TBS carries, proven with the creator's witness over the tree
     * before the change (the same tree every verifier takes the co-path from).
     *
     * @throws IllegalArgumentException if the witness is for another branch than the TBS carries
     */
    public static byte[] branchProof(FrameTBS tbs, PublicTree treeBefore, BranchWitness witness)
            throws FrameRejectedException {
        if (!tbs.hasGroupOperation()) {
            throw new IllegalArgumentException("a plain frame has no branch");
        }
        OperationKind kind = OperationKind.of(tbs.getGroupOperation());
        io.zrt.protocol.BranchChange wire = ParsedFrame.branchOf(kind, tbs.getGroupOperation())
                .orElseThrow(() -> new IllegalArgumentException(kind.wireName() + " carries no branch change"));
        BranchChange change = ArtBranches.fromWire(kind, wire);
        byte[] ad = FrameDigests.associatedData(tbs.toByteArray());
        return BranchProofs.prove(change, treeBefore, ad, witness);
    }

    /** A group operation proven with an explicit node and key (tests, and callers that track keys themselves). */
    public static Frame proveOperation(FrameTBS tbs, long proverNode, CortadoKeyPair proverKey, byte[] branchProof) {
        if (proverNode < 1 || proverNode >= FrameParser.MAX_HEAP_INDEX) {
            throw new IllegalArgumentException("prover node must be a heap index the wire carries");
        }
        return prove(tbs, proverNode, proverKey, branchProof);
    }

    private static Frame prove(FrameTBS tbs, long proverNode, CortadoKeyPair key, byte[] branchProof) {
        byte[] tbsBytes = tbs.toByteArray();
        byte[] eligibility = Schnorr.sign(FrameDigests.associatedData(tbsBytes), key);
        ArtProof proof = ArtProof.newBuilder().setEligibility(ByteString.copyFrom(eligibility))
                .setBranch(ByteString.copyFrom(branchProof)).setProverNode((int) proverNode).build();
        return Frame.newBuilder().setTbs(ByteString.copyFrom(tbsBytes)).setProof(proof.toByteString()).build();
    }
}
