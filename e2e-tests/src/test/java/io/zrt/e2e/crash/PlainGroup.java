package io.zrt.e2e.crash;

import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.rules.Frames;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A one-member group as the Node sees it, without the SDK: the init frame, plain frames signed with the tree
 * key of epoch 0 (random bytes stand in for the encrypted payload, which the Node never opens), and read proofs.
 */
final class PlainGroup {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GroupId id = GroupId.random(RANDOM);
    private final CortadoKeyPair ownerIdentity = CortadoKeyPair.generate(RANDOM);
    private final MemberView owner = MemberView.createGroup(leafSecret());
    private final CortadoKeyPair treeKey = CortadoKeyPair.fromSecret(owner.treeKey());

    GroupId id() {
        return id;
    }

    byte[] initFrame() {
        return Frames.signInit(tbs(Frames.init(ownerIdentity.publicKey(), owner.publicTree())), ownerIdentity)
                .toByteArray();
    }

    byte[] plainFrame() {
        return Frames.signPlain(tbs(null), treeKey).toByteArray();
    }

    /** The read proof's signature for {@code GET …/frames?fromSeq&limit} over a fresh challenge, at epoch 0. */
    byte[] framesProof(byte[] challenge, long fromSeq, int limit) {
        return Schnorr.sign(ReadAuthorization.framesDigest(id, challenge, 0, fromSeq, limit), treeKey);
    }

    private FrameTBS tbs(io.zrt.protocol.GroupOperation operation) {
        byte[] payload = new byte[48];
        RANDOM.nextBytes(payload);
        return Frames.withPayload(Frames.header(id, 0, Frames.newNonce(RANDOM), operation), payload);
    }

    private static Scalar leafSecret() {
        while (true) {
            BigInteger candidate = new BigInteger(252, RANDOM);
            if (candidate.signum() > 0) {
                return Scalar.of(candidate);
            }
        }
    }
}
