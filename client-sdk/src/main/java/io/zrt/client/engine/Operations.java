package io.zrt.client.engine;

import com.google.protobuf.ByteString;
import io.zrt.client.FrameKind;
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
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
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
import io.zrt.protocol.rules.JoinIdentity;
import java.security.SecureRandom;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds this member's frames from a session state without changing it (pure: no I/O, no threads; proving a
 * branch happens here, on the caller's thread). The resulting {@link Built} carries the frame as a
 * {@link PendingOp}: the session writes it ahead, posts it, and completes it when the frame comes back through the
 * log (processed like every other frame, {@link FrameProcessor}).
 */
public final class Operations {

    private final CortadoKeyPair identity;
    private final SecureRandom random;

    public Operations(CortadoKeyPair identity, SecureRandom random) {
        this.identity = identity;
        this.random = random;
    }

    /** This member's identity key, compressed. */
    public byte[] identityKey() {
        return identity.publicKey().encode();
    }

    /** A frame ready to post; {@code newStageKey} is stk of the frame's epoch, {@code target} its branch target. */
    public record Built(PendingOp pending, long epoch, SecretBytes newStageKey, long target) {
        public byte[] frame() {
            return pending.frame();
        }

        @Override
        public String toString() {
            return "Built[" + pending + ", target=" + target + "]";
        }
    }

    public Built plain(SessionState s, List<Payload> payloads, long nowMillis) {
        CortadoKeyPair treeKey = CortadoKeyPair.fromSecret(s.view().treeKey());
        byte[] frame = FrameFactory.build(s.groupId(), s.epoch(), null, s.stageKey(), payload(s, payloads, nowMillis),
                signer(s), new FrameFactory.Prover(treeKey, 1), random);
        return new Built(new PendingOp(idOf(frame), FrameKind.PLAIN, s.epoch(), frame, -1, List.of(), null, null),
                s.epoch(), s.stageKey(), 0);
    }

    public Built keyUpdate(SessionState s, User joinAnnouncement, long nowMillis) throws ArtException,
            VerificationFailedException {
        List<Payload> payloads = new ArrayList<>();
        if (joinAnnouncement != null) {
            // the frame's epoch (s.epoch() + 1) and this leaf, signed by the identity key it announces
            byte[] proof = JoinIdentity.sign(identity, s.groupId(), s.epoch() + 1, s.myLeaf(), random);
            payloads.add(action(GroupActionPayload.newBuilder().setJoin(JoinAction.newBuilder()
                    .setUser(joinAnnouncement).setIdentitySignature(ByteString.copyFrom(proof))).build()));
        }
        return branch(s, s.view().keyUpdate(random), FrameKind.KEY_UPDATE, leafProver(s), payloads, null,
                nowMillis);
    }

    /**
     * Owner: adds a member with the given leaf secret; the frame also restates the member list for the joiner.
     * {@code invite} is the invite the add is for (its leaf, epoch and stage key are filled in from this frame).
     */
    public Built add(SessionState s, Scalar leafSecret, User invitee, InviteRecord invite, long nowMillis)
            throws ArtException, VerificationFailedException {
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
        return branch(s, created, FrameKind.ADD_MEMBER, ownerProver(s), payloads, invite, nowMillis);
    }

    public Built remove(SessionState s, long leaf, long nowMillis) throws ArtException,
            VerificationFailedException {
        User user = s.members().get(leaf);
        String userId = user == null ? "" : user.getId();
        return branch(s, s.view().removeMember(leaf, random), FrameKind.REMOVE_MEMBER, ownerProver(s),
                List.of(action(GroupActionPayload.newBuilder().setRemove(RemoveAction.newBuilder()
                        .setUserId(userId).setLeaf(Math.toIntExact(leaf))).build())), null, nowMillis);
    }

    public Built finalizeRemoval(SessionState s, long leaf, long nowMillis) throws ArtException,
            VerificationFailedException {
        return branch(s, s.view().finalizeRemoval(leaf, random), FrameKind.FINALIZE_REMOVAL,
                new FrameFactory.Prover(CortadoKeyPair.fromSecret(s.view().treeKey()), 1),
                List.of(action(GroupActionPayload.newBuilder().setFinalize(FinalizeAction.newBuilder()
                        .setLeaf(Math.toIntExact(leaf))).build())), null, nowMillis);
    }

    public Built leave(SessionState s, long nowMillis) throws ArtException,
            VerificationFailedException {
        return branch(s, s.view().leave(random), FrameKind.LEAVE_GROUP, leafProver(s),
                List.of(action(GroupActionPayload.newBuilder().setLeave(LeaveAction.newBuilder()
                        .setUserId(s.myUserId()).setLeaf(Math.toIntExact(s.myLeaf()))).build())), null, nowMillis);
    }

    public Built drop(SessionState s, long nowMillis) {
        long epoch = s.epoch() + 1;
        SecretBytes stage = KeySchedule.nextStageKey(s.stageKey(), s.view().treeKey());
        byte[] frame = FrameFactory.build(s.groupId(), epoch,
                GroupOperation.newBuilder().setDropGroup(DropGroup.getDefaultInstance()).build(), stage,
                payload(s, List.of(), nowMillis), signer(s), ownerProver(s), random);
        return new Built(new PendingOp(idOf(frame), FrameKind.DROP_GROUP, epoch, frame, -1, List.of(), null, null),
                epoch, stage, 0);
    }

    private Built branch(SessionState s, CreatedBranch created, FrameKind kind, FrameFactory.Prover prover,
            List<Payload> payloads, InviteRecord invite, long nowMillis) throws VerificationFailedException {
        var wire = io.zrt.protocol.rules.ArtBranches.toWire(created.change());
        GroupOperation.Builder op = GroupOperation.newBuilder();
        switch (kind) {
            case KEY_UPDATE -> op.setKeyUpdate(wire);
            case ADD_MEMBER -> op.setAddMember(wire);
            case REMOVE_MEMBER -> op.setRemoveMember(wire);
            case FINALIZE_REMOVAL -> op.setFinalizeRemoval(wire);
            case LEAVE_GROUP -> op.setLeaveGroup(wire);
            default -> throw new IllegalArgumentException(kind.name());
        }
        long epoch = s.epoch() + 1;
        MemberView after = created.view();
        SecretBytes stage = KeySchedule.nextStageKey(s.stageKey(), after.treeKey());
        byte[] frame = FrameFactory.build(s.groupId(), epoch, op.build(), stage, payload(s, payloads, nowMillis),
                signer(s), prover, new FrameFactory.Branch(s.view().publicTree(), created), random);
        long target = created.change().target();
        InviteRecord forThisAdd = invite == null ? null : invite.forAdd(target, epoch, stage);
        PendingOp pending = new PendingOp(idOf(frame), kind, epoch, frame, after.leafIndex(), after.pathSecrets(),
                forThisAdd, after);
        return new Built(pending, epoch, stage, target);
    }

    /** A frame's id: its nonce in lowercase hex (the Node refuses a nonce twice in a group). */
    public static String idOf(byte[] frame) {
        try {
            return HexFormat.of().formatHex(FrameTBS.parseFrom(Frame.parseFrom(frame).getTbs()).getNonce()
                    .toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a frame this SDK built does not parse", e);
        }
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
