package io.zrt.client.internal;

import com.google.protobuf.ByteString;
import io.zrt.client.VerificationFailedException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.protocol.ChangeGroupAction;
import io.zrt.protocol.DropGroup;
import io.zrt.protocol.FinalizeAction;
import io.zrt.protocol.GroupActionPayload;
import io.zrt.protocol.GroupInfo;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.InviteAction;
import io.zrt.protocol.JoinAction;
import io.zrt.protocol.LeaveAction;
import io.zrt.protocol.Payload;
import io.zrt.protocol.ProtectedPayloadTBS;
import io.zrt.protocol.RemoveAction;
import io.zrt.protocol.Sender;
import io.zrt.protocol.User;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds this member's frames from a session state without changing it. The resulting {@link Built} carries
 * the frame to post and the view the operation leads to; the session commits it only when the frame comes back
 * through the log (processed like every other frame).
 */
public final class Operations {

    private final CortadoKeyPair identity;
    private final SecureRandom random;

    public Operations(CortadoKeyPair identity, SecureRandom random) {
        this.identity = identity;
        this.random = random;
    }

    /** A frame ready to post; {@code newStageKey} is stk of the frame's epoch. */
    public record Built(byte[] frame, FrameProcessor.OwnFrame own, long epoch, SecretBytes newStageKey,
            long target) {
        @Override
        public String toString() {
            return "Built[epoch=" + epoch + ", target=" + target + ", secrets redacted]";
        }
    }

    public Built plain(SessionState s, List<Payload> payloads, long nowMillis) {
        CortadoKeyPair treeKey = CortadoKeyPair.fromSecret(s.view().treeKey());
        byte[] frame = FrameFactory.build(s.groupId(), s.epoch(), null, s.stageKey(), payload(s, payloads, nowMillis),
                signer(s), new FrameFactory.Prover(treeKey, 1), random);
        return new Built(frame, new FrameProcessor.OwnFrame(frame, s.view()), s.epoch(), s.stageKey(), 0);
    }

    public Built keyUpdate(SessionState s, User joinAnnouncement, long nowMillis) throws ArtException,
            VerificationFailedException {
        List<Payload> payloads = new ArrayList<>();
        if (joinAnnouncement != null) {
            payloads.add(action(GroupActionPayload.newBuilder()
                    .setJoin(JoinAction.newBuilder().setUser(joinAnnouncement)).build()));
        }
        return branch(s, s.view().keyUpdate(random), GroupOperation.newBuilder(), "key_update", leafProver(s),
                payloads, nowMillis);
    }

    /** Owner: adds a member with the given leaf secret; the frame also restates the member list for the joiner. */
    public Built add(SessionState s, Scalar leafSecret, User invitee, long nowMillis) throws ArtException,
            VerificationFailedException {
        PublicTree before = s.view().publicTree();
        long target = before.placementTarget();
        CreatedBranch created = s.view().addMember(leafSecret);
        User entry = invitee.toBuilder().setLeaf(Math.toIntExact(target)).build();
        TreeMap<Long, User> after = FrameProcessor.membersAfterAdd(s.members(), before, target);
        after.put(target, entry);
        GroupInfo snapshot = groupInfo(s, after);
        List<Payload> payloads = List.of(
                action(GroupActionPayload.newBuilder().setInvite(InviteAction.newBuilder().setInvitee(entry)).build()),
                action(GroupActionPayload.newBuilder().setChangeGroup(ChangeGroupAction.newBuilder()
                        .setGroup(snapshot)).build()));
        return branch(s, created, GroupOperation.newBuilder(), "add_member", ownerProver(s), payloads, nowMillis);
    }

    public Built remove(SessionState s, long leaf, long nowMillis) throws ArtException,
            VerificationFailedException {
        User user = s.members().get(leaf);
        String userId = user == null ? "" : user.getId();
        return branch(s, s.view().removeMember(leaf, random), GroupOperation.newBuilder(), "remove_member",
                ownerProver(s), List.of(action(GroupActionPayload.newBuilder().setRemove(RemoveAction.newBuilder()
                        .setUserId(userId).setLeaf(Math.toIntExact(leaf))).build())), nowMillis);
    }

    public Built finalizeRemoval(SessionState s, long leaf, long nowMillis) throws ArtException,
            VerificationFailedException {
        return branch(s, s.view().finalizeRemoval(leaf, random), GroupOperation.newBuilder(), "finalize_removal",
                new FrameFactory.Prover(CortadoKeyPair.fromSecret(s.view().treeKey()), 1),
                List.of(action(GroupActionPayload.newBuilder().setFinalize(FinalizeAction.newBuilder()
                        .setLeaf(Math.toIntExact(leaf))).build())), nowMillis);
    }

    public Built leave(SessionState s, long nowMillis) throws ArtException,
            VerificationFailedException {
        return branch(s, s.view().leave(random), GroupOperation.newBuilder(), "leave_group", leafProver(s),
                List.of(action(GroupActionPayload.newBuilder().setLeave(LeaveAction.newBuilder()
                        .setUserId(s.myUserId()).setLeaf(Math.toIntExact(s.myLeaf()))).build())), nowMillis);
    }

    public Built drop(SessionState s, long nowMillis) {
        long epoch = s.epoch() + 1;
        SecretBytes stage = KeySchedule.nextStageKey(s.stageKey(), s.view().treeKey());
        byte[] frame = FrameFactory.build(s.groupId(), epoch,
                GroupOperation.newBuilder().setDropGroup(DropGroup.getDefaultInstance()).build(), stage,
                payload(s, List.of(), nowMillis), signer(s), ownerProver(s), random);
        return new Built(frame, new FrameProcessor.OwnFrame(frame, s.view()), epoch, stage, 0);
    }

    private Built branch(SessionState s, CreatedBranch created, GroupOperation.Builder op, String kind,
            FrameFactory.Prover prover, List<Payload> payloads, long nowMillis) throws VerificationFailedException {
        var wire = io.zrt.protocol.rules.ArtBranches.toWire(created.change());
        switch (kind) {
            case "key_update" -> op.setKeyUpdate(wire);
            case "add_member" -> op.setAddMember(wire);
            case "remove_member" -> op.setRemoveMember(wire);
            case "finalize_removal" -> op.setFinalizeRemoval(wire);
            case "leave_group" -> op.setLeaveGroup(wire);
            default -> throw new IllegalArgumentException(kind);
        }
        long epoch = s.epoch() + 1;
        MemberView after = created.view();
        SecretBytes stage = KeySchedule.nextStageKey(s.stageKey(), after.treeKey());
        byte[] frame = FrameFactory.build(s.groupId(), epoch, op.build(), stage, payload(s, payloads, nowMillis),
                signer(s), prover, new FrameFactory.Branch(s.view().publicTree(), created), random);
        return new Built(frame, new FrameProcessor.OwnFrame(frame, after), epoch, stage, created.change().target());
    }

    private FrameFactory.Prover leafProver(SessionState s) {
        return new FrameFactory.Prover(CortadoKeyPair.fromSecret(s.view().leafSecret()),
                Math.toIntExact(s.myLeaf()));
    }

    private FrameFactory.Prover ownerProver(SessionState s) {
        return leafProver(s);
    }

    /** Members whose identity the group knows sign as themselves; an invitee before its join signs with its leaf. */
    private boolean identified(SessionState s) {
        User me = s.members().get(s.myLeaf());
        return me != null && !me.getIdentityKey().isEmpty() && me.getId().equals(s.myUserId());
    }

    private CortadoKeyPair signer(SessionState s) {
        return identified(s) ? identity : CortadoKeyPair.fromSecret(s.view().leafSecret());
    }

    private ProtectedPayloadTBS payload(SessionState s, List<Payload> payloads, long nowMillis) {
        Sender sender = identified(s) ? Sender.newBuilder().setUserId(s.myUserId()).build()
                : Sender.newBuilder().setLeafId(Math.toIntExact(s.myLeaf())).build();
        return ProtectedPayloadTBS.newBuilder().setCounter(s.counter() + 1).setCreated(nowMillis).setSender(sender)
                .addAllPayloads(payloads).build();
    }

    static Payload action(GroupActionPayload action) {
        return Payload.newBuilder().setAction(action).build();
    }

    static GroupInfo groupInfo(SessionState s, Map<Long, User> members) {
        return GroupInfo.newBuilder().setId(ByteString.copyFrom(s.groupId().toBytes())).setName(s.meta().name())
                .setCreated(s.meta().created()).setPicture(ByteString.copyFrom(s.meta().picture()))
                .addAllMembers(members.values()).build();
    }
}
