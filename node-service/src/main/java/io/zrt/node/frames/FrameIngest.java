package io.zrt.node.frames;

import io.zrt.crypto.VerificationException;
import io.zrt.node.groups.GroupState;
import io.zrt.node.groups.GroupStates;
import io.zrt.node.groups.Transitions;
import io.zrt.node.proofs.BatchingBranchVerifier;
import io.zrt.node.proofs.VerifierBusyException;
import io.zrt.node.ratelimit.RateLimiter;
import io.zrt.node.storage.FrameLog;
import io.zrt.node.storage.SnapshotStore;
import io.zrt.node.storage.StoredFrame;
import io.zrt.node.storage.TreeStore;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.rules.BranchProofs;
import io.zrt.protocol.rules.Eligibility;
import io.zrt.protocol.rules.EpochRules;
import io.zrt.protocol.rules.FrameParser;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.ParsedFrame;
import io.zrt.protocol.rules.Rejection;
import io.zrt.protocol.rules.SignatureVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The write path: parse, check against the group's up-to-date state, append with seq = last + 1 (the unique
 * index lets exactly one concurrent writer have a seq), store the new epoch's tree, compare-and-set the
 * snapshot. A crash after the append is repaired by the next load (see {@link GroupStates}).
 */
public final class FrameIngest {

    /** Retries after losing a seq race; each retry re-validates, so a lost epoch race ends in 409 at once. */
    static final int MAX_ATTEMPTS = 32;

    private final GroupStates groups;
    private final FrameLog log;
    private final TreeStore trees;
    private final SnapshotStore snapshots;
    private final SignatureVerifier verifier;
    private final BatchingBranchVerifier branchProofs;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public FrameIngest(GroupStates groups, FrameLog log, TreeStore trees, SnapshotStore snapshots,
            SignatureVerifier verifier, BatchingBranchVerifier branchProofs, RateLimiter rateLimiter, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.groups = groups;
        this.log = log;
        this.trees = trees;
        this.snapshots = snapshots;
        this.verifier = verifier;
        this.branchProofs = branchProofs;
        this.clock = clock;
    }

    public record Accepted(long seq, long epoch) {
    }

    public Accepted submit(GroupId pathGroup, byte[] body) throws FrameRejectedException {
        ParsedFrame frame = FrameParser.parse(body);
        if (!frame.groupId().equals(pathGroup)) {
            throw new FrameRejectedException(Rejection.GROUP_ID_MISMATCH, "group id in the path differs from the frame's");
        }
        return frame.kind() == OperationKind.INIT ? init(frame) : append(frame);
    }

    private Accepted init(ParsedFrame frame) throws FrameRejectedException {
        EpochRules.checkInit(frame.epoch());
        Optional<GroupState> existing = groups.load(frame.groupId());
        if (existing.isPresent()) {
            throw groupExists();
        }
        Eligibility.checkInit(frame, verifier);
        Transitions.Transition created = Transitions.init(frame);
        rateLimiter.acquire(RateLimiter.Scope.GROUP_FRAMES, frame.groupId().text());
        try {
            log.insert(record(frame, 0, 0));
        } catch (FrameLog.DuplicateFrameException e) {
            throw groupExists();
        }
        trees.put(frame.groupId().text(), 0, created.snapshot().tree());
        snapshots.insertInitial(created.snapshot());
        return new Accepted(0, 0);
    }

    private Accepted append(ParsedFrame frame) throws FrameRejectedException {
        String id = frame.groupId().text();
        boolean charged = false;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            GroupState state = groups.load(frame.groupId())
                    .orElseThrow(() -> new FrameRejectedException(Rejection.UNKNOWN_GROUP, "no such group"));
            if (state.dropped()) {
                throw new FrameRejectedException(Rejection.GROUP_DROPPED, "the group was dropped");
            }
            if (log.nonceExists(id, frame.nonce())) {
                throw conflict(Rejection.REPLAYED_NONCE, "this nonce was already used in the group", state);
            }
            try {
                EpochRules.check(frame.kind(), frame.epoch(), state.epoch());
            } catch (FrameRejectedException e) {
                throw conflict(e.rejection(), e.getMessage(), state);
            }
            Eligibility.check(frame, state.tree(), verifier);
            Transitions.Transition next = Transitions.next(state.snapshot(), state.tree(), frame);
            // The change fits the tree; now its keys must be the ratchet of a known secret over the co-path of
            // the Node's own tree (never the sender's), or members would derive different tree keys.
            checkBranchProof(frame, state);
            if (!charged) {
                // Only a frame that proved its sender counts against the group: outsiders cannot use it up.
                rateLimiter.acquire(RateLimiter.Scope.GROUP_FRAMES, id);
                charged = true;
            }
            long seq = state.lastSeq() + 1;
            try {
                log.insert(record(frame, seq, next.snapshot().epoch()));
            } catch (FrameLog.DuplicateFrameException lostRace) {
                if (log.nonceExists(id, frame.nonce())) {
                    throw conflict(Rejection.REPLAYED_NONCE, "this nonce was already used in the group", state);
                }
                continue; // another writer took this seq: reload (rolling forward) and re-validate
            }
            if (next.newEpoch()) {
                trees.put(id, next.snapshot().epoch(), next.snapshot().tree());
            }
            // Losing this compare-and-set is fine: the winner rolled the snapshot over our frame already.
            snapshots.compareAndSet(state.snapshot().version(), next.snapshot());
            return new Accepted(seq, next.snapshot().epoch());
        }
        throw new NodeBusyException("too much contention on group " + id);
    }

    /**
     * The branch-proof rule ({@link BranchProofs#check}), verified by the batching verifier: the statement is
     * built here from the Node's tree, the verifier may check it together with other requests' proofs. A
     * proof that could not be verified (busy, timed out, interrupted) is a 503 and nothing is appended.
     */
    private void checkBranchProof(ParsedFrame frame, GroupState state) throws FrameRejectedException {
        if (!frame.kind().changesBranch()) {
            return;
        }
        try {
            branchProofs.verify(BranchProofs.statement(frame, state.tree()), BranchProofs.branchBytes(frame));
        } catch (VerificationException e) {
            throw new FrameRejectedException(Rejection.INVALID_BRANCH_PROOF,
                    "the branch proof does not verify: " + e.getMessage());
        } catch (VerifierBusyException e) {
            throw new NodeBusyException(e.getMessage());
        }
    }

    private StoredFrame record(ParsedFrame frame, long seq, long epoch) {
        Instant now = clock.instant();
        byte[] spFrame = SPFrame.newBuilder().setSeq(seq).setCreated(now.toEpochMilli()).setFrame(frame.frame())
                .build().toByteArray();
        return new StoredFrame(frame.groupId().text(), seq, epoch, frame.kind().wireName(), frame.nonce(),
                frame.frameBytes(), spFrame, now, false);
    }

    /**
     * Without the group's position: anybody can sign an init frame for any group id, so telling them the epoch
     * and last seq would let a stranger learn how far any group is.
     */
    private static FrameRejectedException groupExists() {
        return new FrameRejectedException(Rejection.GROUP_EXISTS, "group already exists");
    }

    private static GroupConflictException conflict(Rejection rejection, String message, GroupState state) {
        return new GroupConflictException(rejection, message, state.epoch(), state.lastSeq());
    }

}
