package io.zrt.node.challenges;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.node.groups.GroupStates;
import io.zrt.node.storage.ChallengeStore;
import io.zrt.protocol.rules.ArtRejections;
import io.zrt.protocol.rules.Eligibility;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import io.zrt.protocol.rules.Rejection;
import io.zrt.protocol.rules.SignatureVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** Issues read challenges and checks read proofs (PROTOCOL.md section 10). */
public final class ChallengeService {

    public record Challenge(byte[] value, Instant expiresAt) {
    }

    private final ChallengeStore store;
    private final GroupStates groups;
    private final SignatureVerifier verifier;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;

    public ChallengeService(ChallengeStore store, GroupStates groups, SignatureVerifier verifier, SecureRandom random,
            Clock clock, Duration lifetime) {
        this.store = store;
        this.groups = groups;
        this.verifier = verifier;
        this.random = random;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Challenge issue(GroupId group) throws FrameRejectedException {
        if (groups.load(group).isEmpty()) {
            throw new FrameRejectedException(Rejection.UNKNOWN_GROUP, "no such group");
        }
        byte[] value = new byte[ReadAuthorization.CHALLENGE_LENGTH];
        random.nextBytes(value);
        Instant expiresAt = clock.instant().plus(lifetime);
        store.insert(group.text(), value, expiresAt);
        return new Challenge(value, expiresAt);
    }

    /**
     * Verifies the proof against the key of {@code proof.proverNode()} in the tree of {@code proof.epoch()},
     * over the digest the caller builds from the challenge, then consumes the challenge. Only the root
     * (tree key) may sign unless {@code leafProofAllowed}, in which case any leaf of that tree may.
     */
    public void authorize(GroupId group, ReadProof proof, Function<byte[], byte[]> digestOfChallenge,
            boolean leafProofAllowed) throws FrameRejectedException {
        if (proof.challenge().length != ReadAuthorization.CHALLENGE_LENGTH) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "challenge must be 16 bytes");
        }
        PublicTree tree = groups.treeAt(group, proof.epoch()).orElseThrow(() -> new FrameRejectedException(
                Rejection.UNKNOWN_EPOCH, "the group has no epoch " + proof.epoch()));
        long prover = proof.proverNode();
        boolean allowed = prover == Eligibility.ROOT || (leafProofAllowed && tree.isLeaf(prover));
        if (!allowed) {
            throw new FrameRejectedException(Rejection.NOT_ELIGIBLE,
                    leafProofAllowed ? "the prover must be the root or a leaf" : "this read needs the tree key");
        }
        byte[] key;
        try {
            key = tree.nodeKey(prover).encode();
        } catch (ArtException e) {
            throw ArtRejections.of(e); // unreachable: allowed implies the node exists
        }
        verifier.verify(key, digestOfChallenge.apply(proof.challenge()), proof.signature());
        if (!store.consume(group.text(), proof.challenge(), clock.instant())) {
            throw new FrameRejectedException(Rejection.INVALID_CHALLENGE, "challenge unknown, used or expired");
        }
    }
}
