package io.zrt.node.challenges;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.node.groups.GroupStates;
import io.zrt.node.ratelimit.RateLimiter;
import io.zrt.node.storage.ChallengeStore;
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
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final Duration lifetime;

    public ChallengeService(ChallengeStore store, GroupStates groups, SignatureVerifier verifier, SecureRandom random,
            RateLimiter rateLimiter, Clock clock, Duration lifetime) {
        this.rateLimiter = rateLimiter;
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
     * Checks a read proof in a fixed order that tells a caller without the right key nothing about the group's
     * epochs (docs/security.md, "Order of checks"): the challenge is consumed first (one verification per
     * challenge, whatever the outcome; 401 {@code invalid_challenge} if it is not this group's, or used, or
     * expired); then a missing epoch, a prover node that may not sign, and a signature that does not verify are
     * one and the same 401 {@code invalid_proof}. Only a proof that verified is charged to the read
     * budget of the group at the proof's epoch (429). The key is that of {@code proof.proverNode()} in the tree
     * of {@code proof.epoch()}: the root (tree key) unless {@code leafProofAllowed}, in which case any leaf of
     * that tree may sign.
     */
    public void authorize(GroupId group, ReadProof proof, Function<byte[], byte[]> digestOfChallenge,
            boolean leafProofAllowed) throws FrameRejectedException {
        if (proof.challenge().length != ReadAuthorization.CHALLENGE_LENGTH) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "challenge must be 16 bytes");
        }
        if (!store.consume(group.text(), proof.challenge(), clock.instant())) {
            throw new FrameRejectedException(Rejection.INVALID_CHALLENGE, "challenge unknown, used or expired");
        }
        byte[] key = proverKey(group, proof, leafProofAllowed);
        try {
            if (key == null) {
                throw invalidProof();
            }
            verifier.verify(key, digestOfChallenge.apply(proof.challenge()), proof.signature());
        } catch (FrameRejectedException e) {
            throw invalidProof();
        }
        // Per group and epoch: a removed member still proves old epochs, and must not use up the budget of the
        // members reading at the current one.
        rateLimiter.acquire(RateLimiter.Scope.GROUP_CHALLENGES, group.text() + ":" + proof.epoch());
    }

    /** The key that must have signed, or null when the epoch does not exist or that node may not sign. */
    private byte[] proverKey(GroupId group, ReadProof proof, boolean leafProofAllowed) {
        PublicTree tree = groups.treeAt(group, proof.epoch()).orElse(null);
        long prover = proof.proverNode();
        if (tree == null || !(prover == Eligibility.ROOT || (leafProofAllowed && tree.isLeaf(prover)))) {
            return null;
        }
        try {
            return tree.nodeKey(prover).encode();
        } catch (ArtException e) {
            return null; // unreachable: an allowed prover is a node of the tree
        }
    }

    private static FrameRejectedException invalidProof() {
        // One message for every cause, so the answer does not say which check failed.
        return new FrameRejectedException(Rejection.INVALID_PROOF, "the read proof does not verify");
    }
}
