package io.zrt.client.internal;

import com.google.protobuf.ByteString;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.ProtectedPayloadTBS;
import io.zrt.protocol.rules.FrameDigests;
import io.zrt.protocol.rules.GroupId;
import java.security.SecureRandom;

/** Builds frames: payload sealed under the right epoch's key, then the tbs bytes signed or proven. */
final class FrameFactory {

    private FrameFactory() {
    }

    /** What proves a frame: the signer and, for a group operation, the heap index of the signing node. */
    record Prover(CortadoKeyPair key, int node) {
    }

    /**
     * @param operation   null for a plain frame
     * @param stageKey    stk of {@code epoch} (for an operation: the new epoch's stage key)
     * @param prover      a plain frame: the tree key (node ignored); an operation: the eligible key and its node;
     *                    init: the owner identity key (node 0)
     */
    static byte[] build(GroupId group, long epoch, GroupOperation operation, SecretBytes stageKey,
            ProtectedPayloadTBS payload, CortadoKeyPair payloadSigner, Prover prover, SecureRandom random) {
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
        byte[] signature = Schnorr.sign(FrameDigests.associatedData(tbsBytes), prover.key());
        byte[] proof;
        if (operation == null) {
            proof = signature;
        } else {
            proof = ArtProof.newBuilder().setEligibility(ByteString.copyFrom(signature))
                    .setProverNode(prover.node()).build().toByteArray();
        }
        return Frame.newBuilder().setTbs(ByteString.copyFrom(tbsBytes)).setProof(ByteString.copyFrom(proof))
                .build().toByteArray();
    }
}
