package io.zrt.client.engine;

import io.zrt.client.DecryptionFailedException;
import io.zrt.client.FrameKind;
import io.zrt.client.GroupEvent;
import io.zrt.client.GroupMessage;
import io.zrt.client.GroupStatus;
import io.zrt.client.GroupMessage.GroupAction;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.LeafStatus;
import io.zrt.crypto.art.NotAMemberException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.art.RootMismatchException;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.protocol.Payload;
import io.zrt.protocol.Sender;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.ArtBranches;
import io.zrt.protocol.rules.BranchProofs;
import io.zrt.protocol.rules.Eligibility;
import io.zrt.protocol.rules.EpochRules;
import io.zrt.protocol.rules.FrameDigests;
import io.zrt.protocol.rules.FrameParser;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.ParsedFrame;
import io.zrt.protocol.rules.SchnorrVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * docs/protocol.md section 13: processes the next frame of the log against a session state and returns the next
 * state, or throws and leaves the given state as it was (every change is made on copies). Pure: no I/O, no
 * threads. The order of checks is the Node's (shape, group id, epoch, eligibility, tree, branch proof) followed by
 * what only members can check (derived root, decryption, payload signature against the member list, group-action
 * rules). The state's own pending operations take part: a frame with exactly the bytes of one of them completes
 * it as this member's own, and every pending operation that can no longer land afterwards is discarded.
 */
public final class FrameProcessor {

    private FrameProcessor() {
    }

    /**
     * The state after a frame and what the application is told about it: the message, and the events it caused
     * in order (membership, status, own operations landed or discarded). {@code landed} is this member's own
     * pending operation the frame completed, or null.
     */
    public record Processed(SessionState state, GroupMessage message, List<GroupEvent> events, PendingOp landed) {
        public Processed {
            events = List.copyOf(events);
        }
    }

    public static Processed process(SessionState s, long seq, byte[] frameBytes, long nowMillis)
            throws VerificationFailedException, DecryptionFailedException {
        if (seq != s.nextSeq()) {
            throw new VerificationFailedException(Check.SEQUENCE, "expected seq " + s.nextSeq() + ", got " + seq);
        }
        ParsedFrame frame;
        try {
            frame = FrameParser.parse(frameBytes);
        } catch (FrameRejectedException e) {
            throw new VerificationFailedException(Check.FRAME_FORMAT, e.rejection().code() + ": " + e.getMessage());
        }
        if (!frame.groupId().equals(s.groupId())) {
            throw new VerificationFailedException(Check.GROUP_ID, "frame belongs to another group");
        }
        OperationKind kind = frame.kind();
        if (kind == OperationKind.INIT) {
            throw new VerificationFailedException(Check.EPOCH, "an init frame can only be the group's first frame");
        }
        try {
            EpochRules.check(kind, frame.epoch(), s.epoch());
        } catch (FrameRejectedException e) {
            throw new VerificationFailedException(Check.EPOCH, e.getMessage());
        }
        PublicTree before = s.view().publicTree();
        try {
            Eligibility.check(frame, before, SchnorrVerifier.INSTANCE);
        } catch (FrameRejectedException e) {
            throw new VerificationFailedException(Check.ELIGIBILITY, e.rejection().code() + ": " + e.getMessage());
        }
        PendingOp own = s.pendingWithFrame(frameBytes);
        if (kind != OperationKind.PLAIN || own != null) {
            return apply(s, seq, frame, kind, before, own, nowMillis);
        }
        try {
            return apply(s, seq, frame, kind, before, null, nowMillis);
        } catch (DecryptionFailedException e) {
            return refused(s, seq, "payload does not decrypt: " + e.getMessage());
        } catch (VerificationFailedException e) {
            if (!MEMBER_CHECKS.contains(e.check())) {
                throw e;
            }
            return refused(s, seq, e.getMessage());
        }
    }

    /** What only members can check of a frame (the Node checks everything before): the skip rule's scope. */
    private static final java.util.Set<Check> MEMBER_CHECKS = java.util.EnumSet.of(Check.SENDER,
            Check.PAYLOAD_FORMAT, Check.PAYLOAD_SIGNATURE, Check.GROUP_ACTION);

    /**
     * The skip rule (docs/protocol.md §13, rule 12): a plain frame the Node accepted whose content this member refuses
     * is passed over with no change but the position, identically by every honest member (a plain frame changes
     * no key, and what it is refused for depends only on the epoch's shared keys and the member list), and
     * reported. So no frame the Node lets through can stall the group.
     */
    private static Processed refused(SessionState s, long seq, String reason) {
        SessionState.Builder next = s.toBuilder();
        next.nextSeq = seq + 1;
        return new Processed(next.build(), null, List.of(new GroupEvent.FrameRefused(s.groupId().text(), seq,
                reason)), null);
    }

    private static Processed apply(SessionState s, long seq, ParsedFrame frame, OperationKind kind,
            PublicTree before, PendingOp own, long nowMillis)
            throws VerificationFailedException, DecryptionFailedException {
        SessionState.Builder next = s.toBuilder();
        next.nextSeq = seq + 1;
        next.epoch = frame.epoch();
        long target = 0;
        if (kind.changesBranch()) {
            BranchChange change;
            try {
                change = ArtBranches.of(frame);
            } catch (FrameRejectedException e) {
                throw new VerificationFailedException(Check.TREE, "branch change: " + e.getMessage());
            }
            target = change.target();
            if (own == null) {
                checkBranchProof(frame, change, before);
            }
            try {
                next.view = own != null ? own.viewAfter(before, change) : s.view().apply(change);
            } catch (NotAMemberException e) {
                return lostMembership(s, kind, target, seq, frame);
            } catch (RootMismatchException e) {
                throw new VerificationFailedException(Check.ROOT, e.getMessage());
            } catch (ArtException e) {
                throw new VerificationFailedException(Check.TREE, e.getMessage());
            }
            next.stageKey = KeySchedule.nextStageKey(s.stageKey(), next.view.treeKey());
        } else if (kind == OperationKind.DROP_GROUP) {
            next.stageKey = KeySchedule.nextStageKey(s.stageKey(), s.view().treeKey());
        }

        Payloads.Opened opened = Payloads.open(frame.tbs().getProtectedPayload().toByteArray(), next.stageKey,
                FrameDigests.payloadAad(frame.tbs()));
        Sender sender = opened.tbs().getSender();
        long senderLeaf;
        byte[] senderKey;
        String senderUserId;
        if (sender.getIdCase() == Sender.IdCase.USER_ID) {
            senderUserId = sender.getUserId();
            Map.Entry<Long, User> entry = findUser(s.members(), senderUserId);
            if (entry == null || entry.getValue().getIdentityKey().isEmpty()) {
                throw new VerificationFailedException(Check.SENDER, "sender is not in the group's member list");
            }
            senderLeaf = entry.getKey();
            senderKey = entry.getValue().getIdentityKey().toByteArray();
        } else {
            senderLeaf = sender.getLeafId();
            senderUserId = "";
            try {
                senderKey = before.leafKey(senderLeaf).encode();
            } catch (ArtException e) {
                throw new VerificationFailedException(Check.SENDER, "sender leaf is not a leaf of the tree");
            }
        }
        if (!isActiveLeaf(before, senderLeaf)) {
            throw new VerificationFailedException(Check.SENDER, "sender's leaf is not an active member");
        }
        Payloads.verify(s.groupId(), frame.epoch(), opened, senderKey);
        boolean senderIsOwner = senderLeaf == before.ownerLeafIndex();
        switch (kind) {
            case KEY_UPDATE, LEAVE_GROUP -> require(senderLeaf == target, "only a leaf's holder updates or leaves it");
            case ADD_MEMBER, REMOVE_MEMBER, DROP_GROUP -> require(senderIsOwner, kind.wireName() + " is the owner's");
            default -> {
            }
        }

        boolean extendsLeaf = kind == OperationKind.ADD_MEMBER && !before.contains(target);
        if (kind == OperationKind.ADD_MEMBER) {
            next.members(membersAfterAdd(s.members(), before, target));
            if (extendsLeaf && senderLeaf == target >>> 1) {
                senderLeaf = 2 * (target >>> 1);
            }
            next.editMembers().put(target, User.newBuilder().setLeaf((int) target).build());
        } else if (kind == OperationKind.REMOVE_MEMBER || kind == OperationKind.FINALIZE_REMOVAL) {
            next.editMembers().remove(target);
        }
        ActionRules.Context ctx = new ActionRules.Context(kind, target, senderLeaf, senderUserId, senderIsOwner,
                s.groupId(), frame.epoch());
        List<String> chats = new ArrayList<>();
        List<GroupMessage.CrdtChange> crdt = new ArrayList<>();
        List<GroupAction> actions = new ArrayList<>();
        boolean joinAction = false;
        for (Payload payload : opened.tbs().getPayloadsList()) {
            switch (payload.getContentCase()) {
                case CHAT -> chats.add(payload.getChat().getText());
                case CRDT -> crdt.add(new GroupMessage.CrdtChange(payload.getCrdt().getDocumentId(),
                        payload.getCrdt().getChange().toByteArray()));
                case ACTION -> {
                    GroupAction applied = ActionRules.apply(ctx, payload.getAction(), next);
                    joinAction |= applied.kind() == GroupAction.Kind.JOIN;
                    actions.add(applied);
                }
                default -> throw new VerificationFailedException(Check.PAYLOAD_FORMAT, "payload without content");
            }
        }

        boolean fromMe = senderLeaf == next.view.leafIndex();
        boolean spoke = !chats.isEmpty() || !crdt.isEmpty();
        if (fromMe) {
            if (kind == OperationKind.KEY_UPDATE) {
                next.messagesSinceUpdate = 0;
                next.othersSpoke = false;
                next.lastUpdateMillis = nowMillis;
                if (joinAction) {
                    next.joinAnnounced = true;
                    next.joinName = "";
                }
            } else if (spoke) {
                next.messagesSinceUpdate = s.messagesSinceUpdate() + 1;
            }
            next.counter = Math.max(s.counter(), opened.tbs().getCounter());
            if (kind == OperationKind.LEAVE_GROUP) {
                next.status = GroupStatus.LEFT;
            }
        } else if (spoke) {
            next.othersSpoke = true;
        }
        if (kind == OperationKind.DROP_GROUP) {
            next.status = GroupStatus.DROPPED;
        }

        String group = s.groupId().text();
        List<GroupEvent> events = new ArrayList<>();
        for (GroupAction action : actions) {
            GroupEvent.MembershipChanged.Change change = switch (action.kind()) {
                case INVITE -> GroupEvent.MembershipChanged.Change.INVITED;
                case JOIN -> GroupEvent.MembershipChanged.Change.JOINED;
                case LEAVE -> GroupEvent.MembershipChanged.Change.LEFT;
                case REMOVE -> GroupEvent.MembershipChanged.Change.REMOVED;
                case FINALIZE -> GroupEvent.MembershipChanged.Change.FINALIZED;
                default -> null;
            };
            if (change != null) {
                events.add(new GroupEvent.MembershipChanged(group, seq, change, action.userId(), action.leaf()));
            }
        }
        // Invites this owner made: an add that extends a pending invitee's leaf moves it down; the invitee's own
        // key update (its join) or the removal of its leaf ends the record; an own add adds one.
        next.pending.remove(own);
        if (own != null && own.invite() != null) {
            next.editInvites().add(own.invite());
        }
        final long t = target;
        boolean endsInvite = kind == OperationKind.KEY_UPDATE || kind == OperationKind.REMOVE_MEMBER
                || kind == OperationKind.FINALIZE_REMOVAL || kind == OperationKind.LEAVE_GROUP;
        if (extendsLeaf && next.invites.stream().anyMatch(r -> r.leaf() == t >>> 1)) {
            next.editInvites().replaceAll(r -> r.leaf() == t >>> 1 ? r.movedTo(2 * (t >>> 1)) : r);
        } else if (endsInvite && next.invites.stream().anyMatch(r -> r.leaf() == t)) {
            next.editInvites().removeIf(r -> r.leaf() == t);
        }
        settle(s, next, seq, own, events);
        GroupMessage message = new GroupMessage(seq, frame.epoch(), frameKind(kind), senderUserId, senderLeaf,
                fromMe, opened.tbs().getCreated(), chats, crdt, actions);
        return new Processed(next.build(), message, events, own);
    }

    /**
     * After a frame: reports the own operation it completed and the status change, and discards every pending
     * operation that can no longer land (another operation took its epoch, or this member can no longer act).
     */
    private static void settle(SessionState s, SessionState.Builder next, long seq, PendingOp own,
            List<GroupEvent> events) {
        String group = s.groupId().text();
        if (own != null) {
            events.add(new GroupEvent.OperationLanded(group, seq, own.id(), own.kind()));
        }
        boolean canAct = next.status == GroupStatus.ACTIVE;
        for (java.util.Iterator<PendingOp> it = next.pending.iterator(); it.hasNext(); ) {
            PendingOp op = it.next();
            if (!canAct || !op.canLandAt(next.epoch)) {
                it.remove();
                events.add(new GroupEvent.OperationDiscarded(group, seq, op.id(), op.kind(), canAct
                        ? "frame " + seq + " moved the group to epoch " + next.epoch
                        : "this member is " + next.status));
            }
        }
        if (!canAct && !next.invites.isEmpty()) {
            next.editInvites().clear();
        }
        if (next.status != s.status()) {
            events.add(new GroupEvent.StatusChanged(group, seq, s.status(), next.status));
        }
    }

    static FrameKind frameKind(OperationKind kind) {
        return FrameKind.valueOf(kind.name());
    }

    /**
     * The Node's branch-proof rule, run by the member on its own tree: the structural checks first (a change that
     * does not fit is a tree error, as on the Node), then the proof against the co-path of the member's tree
     * before the frame and the frame's ad. It runs before the member derives any key, so every member refuses a
     * path that is not one ratchet with the same check, wherever its own path meets it.
     */
    private static void checkBranchProof(ParsedFrame frame, BranchChange change, PublicTree before)
            throws VerificationFailedException {
        try {
            before.apply(change);
        } catch (ArtException e) {
            throw new VerificationFailedException(Check.TREE, e.getMessage());
        }
        try {
            BranchProofs.check(frame, before);
        } catch (FrameRejectedException e) {
            throw new VerificationFailedException(Check.BRANCH_PROOF, e.rejection().code() + ": " + e.getMessage());
        }
    }

    /**
     * The frame replaced this member's leaf, so it cannot derive the new epoch's keys; it still verified the
     * frame's eligibility and branch proofs, so it accepts the outcome and closes the session: removed (its leaf
     * was removed, or finalized after it left), or stale — a key update or leave of its own leaf that it did not
     * make from this state (a state restored from before its own later operation).
     */
    private static Processed lostMembership(SessionState s, OperationKind kind, long target, long seq,
            ParsedFrame frame) throws VerificationFailedException {
        boolean removed = kind == OperationKind.REMOVE_MEMBER || kind == OperationKind.FINALIZE_REMOVAL;
        boolean stale = kind == OperationKind.KEY_UPDATE || kind == OperationKind.LEAVE_GROUP;
        if (!(removed || stale) || target != s.myLeaf()) {
            throw new VerificationFailedException(Check.TREE, "branch change replaced this member's leaf");
        }
        SessionState.Builder next = s.toBuilder();
        next.nextSeq = seq + 1;
        next.epoch = frame.epoch();
        next.status = removed ? GroupStatus.REMOVED : GroupStatus.STALE;
        List<GroupEvent> events = new ArrayList<>();
        List<GroupAction> actions = new ArrayList<>();
        if (removed) {
            GroupAction.Kind action = kind == OperationKind.REMOVE_MEMBER ? GroupAction.Kind.REMOVE
                    : GroupAction.Kind.FINALIZE;
            actions.add(new GroupAction(action, s.myUserId(), target, ""));
            events.add(new GroupEvent.MembershipChanged(s.groupId().text(), seq, action == GroupAction.Kind.REMOVE
                    ? GroupEvent.MembershipChanged.Change.REMOVED : GroupEvent.MembershipChanged.Change.FINALIZED,
                    s.myUserId(), target));
        }
        settle(s, next, seq, null, events);
        GroupMessage message = new GroupMessage(seq, frame.epoch(), frameKind(kind), "", target, false, 0,
                List.of(), List.of(), actions);
        return new Processed(next.build(), message, events, null);
    }

    /** An add that extends leaf i (target 2i + 1) moves i's member one level down, to 2i. */
    static TreeMap<Long, User> membersAfterAdd(Map<Long, User> members, PublicTree before, long target) {
        TreeMap<Long, User> out = new TreeMap<>(members);
        if (!before.contains(target)) {
            long extended = target >>> 1;
            User moved = out.remove(extended);
            if (moved != null) {
                out.put(2 * extended, moved.toBuilder().setLeaf(Math.toIntExact(2 * extended)).build());
            }
        }
        return out;
    }

    static Map.Entry<Long, User> findUser(Map<Long, User> members, String userId) {
        if (userId.isEmpty()) {
            return null;
        }
        for (Map.Entry<Long, User> entry : members.entrySet()) {
            if (entry.getValue().getId().equals(userId)) {
                return entry;
            }
        }
        return null;
    }

    private static boolean isActiveLeaf(PublicTree tree, long leaf) {
        try {
            return tree.isLeaf(leaf) && tree.leafStatus(leaf) == LeafStatus.ACTIVE;
        } catch (ArtException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) throws VerificationFailedException {
        if (!condition) {
            throw new VerificationFailedException(Check.SENDER, message);
        }
    }

}
