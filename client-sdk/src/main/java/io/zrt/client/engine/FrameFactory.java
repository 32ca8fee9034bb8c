package io.zrt.client.engine;

import com.google.protobuf.ByteString;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.ProtectedPayloadTBS;
import io.zrt.protocol.rules.BranchProofs;
import io.zrt.protocol.rules.FrameDigests;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import java.security.SecureRandom;

/** Builds frames: payload sealed under the right epoch's key, then the tbs bytes signed or proven. */
final class FrameFactory {

    private FrameFactory() {
    }

    /** What proves a frame: the signer and, for a group operation, the heap index of the signing node. */
    record Prover(CortadoKeyPair key, int node) {
    }

    /** The branch an operation publishes, with the tree it was created on: what its branch proof is made from. */
    record Branch(PublicTree treeBefore, CreatedBranch created) {
    }

    /**
     * @param operation   null for a plain frame
     * @param stageKey    stk of {@code epoch} (for an operation: the new epoch's stage key)
     * @param prover      a plain frame: the tree key (node ignored); an operation: the eligible key and its node;
     *                    init: the owner identity key (node 0)
     */
    static byte[] build(GroupId group, long epoch, GroupOperation operation, SecretBytes stageKey,
            ProtectedPayloadTBS payload, CortadoKeyPair payloadSigner, Prover prover, SecureRandom random) {
        try {
            return build(group, epoch, operation, stageKey, payload, payloadSigner, prover, null, random);
        } catch (VerificationFailedException e) {
            throw new IllegalStateException("no branch proof is made without a branch", e);
        }
    }

    /**
     * As above, for an operation that publishes a branch: {@code ArtProof.branch} carries the zero-knowledge
     * proof of {@code branch} over its tree before the change, bound to this frame's ad (PROTOCOL.md section 7).
     *
     * @throws VerificationFailedException {@link Check#BRANCH_PROOF} if the branch cannot be proven over this
     *                                     tree (only possible when the tree holds a crafted co-path key)
     */
    static byte[] build(GroupId group, long epoch, GroupOperation operation, SecretBytes stageKey,
            ProtectedPayloadTBS payload, CortadoKeyPair payloadSigner, Prover prover, Branch branch,
            SecureRandom random) throws VerificationFailedException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        FrameTBS.Builder tbs = FrameTBS.newBuilder()
                .setGroupId(ByteString.copyFrom(group.toBytes()))
                .setEpoch(epoch)
                .setNonce(ByteString.copyFrom(nonce));
        if (operation != null) {
            tbs.setGroupOperation(operation);
        }
        byte[] aad = FrameDigests.payloadAad(tbs.build());
        tbs.setProtectedPayload(ByteString.copyFrom(
                Payloads.seal(group, epoch, payload, payloadSigner, stageKey, aad)));
        byte[] tbsBytes = tbs.build().toByteArray();
        byte[] ad = FrameDigests.associatedData(tbsBytes);
        byte[] signature = Schnorr.sign(ad, prover.key());
        byte[] proof;
        if (operation == null) {
            proof = signature;
        } else {
            ArtProof.Builder artProof = ArtProof.newBuilder().setEligibility(ByteString.copyFrom(signature))
                    .setProverNode(prover.node());
            if (branch != null) {
                artProof.setBranch(ByteString.copyFrom(branchProof(branch, ad)));
            }
            proof = artProof.build().toByteArray();
        }
        return Frame.newBuilder().setTbs(ByteString.copyFrom(tbsBytes)).setProof(ByteString.copyFrom(proof))
                .build().toByteArray();
    }

    private static byte[] branchProof(Branch branch, byte[] ad) throws VerificationFailedException {
        try {
            return BranchProofs.prove(branch.created().change(), branch.treeBefore(), ad, branch.created().witness());
        } catch (FrameRejectedException e) {
            throw new VerificationFailedException(Check.BRANCH_PROOF, e.getMessage(), e);
        }
    }
}
