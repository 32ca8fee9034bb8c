package io.zrt.client.engine;

import com.google.protobuf.ByteString;
import io.zrt.client.GroupStatus;
import io.zrt.client.PendingInvite;
import io.zrt.client.PrekeyBundle;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.crypto.x3dh.LeafSecrets;
import io.zrt.crypto.x3dh.UserId;
import io.zrt.crypto.x3dh.X3dh;
import io.zrt.protocol.GroupActionPayload;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.InitAction;
import io.zrt.protocol.InitGroup;
import io.zrt.protocol.InviteSecrets;
import io.zrt.protocol.ProtectedPayloadTBS;
import io.zrt.protocol.Role;
import io.zrt.protocol.Sender;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.GroupId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A new group: the owner's initial tree (with initial members placed in order), its init frame and invites. */
public final class Creation {

    private Creation() {
    }

    /** The owner's state after its init frame landed at seq 0, the frame, and one invite per initial member. */
    public record Created(SessionState state, byte[] initFrame, List<byte[]> invites, List<Long> leaves) {
        @Override
        public String toString() {
            return "Creation.Created[" + state + "]";
        }
    }

    public static Created create(CortadoKeyPair owner, String ownerName, String groupName, List<PrekeyBundle> initial,
            TreeWire wire, SecureRandom random, long nowMillis) throws ArtException, VerificationException {
        GroupId group = GroupId.random(random);
        String ownerId = UserId.of(owner.publicKey());
        MemberView view = MemberView.createGroup(LeafSecrets.random(random));
        TreeMap<Long, User> members = new TreeMap<>();
        members.put(1L, User.newBuilder().setId(ownerId).setName(ownerName)
                .setIdentityKey(ByteString.copyFrom(owner.publicKey().encode())).setRole(Role.ROLE_OWNER).setLeaf(1)
                .build());
        List<Scalar> leafSecrets = new ArrayList<>();
        List<CortadoKeyPair> ephemerals = new ArrayList<>();
        List<Long> leaves = new ArrayList<>();
        for (PrekeyBundle bundle : initial) {
            CortadoKeyPair ephemeral = CortadoKeyPair.generate(random);
            Scalar leafSecret = X3dh.inviterLeafSecret(owner, ephemeral, bundle.identityKey(), bundle.signedPrekey());
            long target = view.publicTree().placementTarget();
            TreeMap<Long, User> moved = FrameProcessor.membersAfterAdd(members, view.publicTree(), target);
            CreatedBranch created = view.addMember(leafSecret);
            view = created.view();
            members = moved;
            members.put(target, User.newBuilder().setId(bundle.userId())
                    .setIdentityKey(ByteString.copyFrom(bundle.identityKey().encode())).setRole(Role.ROLE_WRITE)
                    .setLeaf(Math.toIntExact(target)).build());
            leafSecrets.add(leafSecret);
            ephemerals.add(ephemeral);
            leaves.add(target);
        }
        SecretBytes stage0 = KeySchedule.nextStageKey(KeySchedule.initialStageKey(), view.treeKey());
        SessionState.Builder b = new SessionState.Builder();
        b.groupId = group;
        b.myUserId = ownerId;
        b.epoch = 0;
        b.nextSeq = 1;
        b.status = GroupStatus.ACTIVE;
        b.view = view;
        b.stageKey = stage0;
        b.ownerIdentityKey = owner.publicKey().encode();
        b.meta = new SessionState.GroupMeta(groupName, nowMillis, new byte[0]);
        b.members(members);
        for (int i = 0; i < initial.size(); i++) {
            PrekeyBundle bundle = initial.get(i);
            b.editInvites().add(new InviteRecord(newInviteId(random), PendingInvite.Kind.IDENTIFIED, bundle.userId(),
                    leaves.get(i), leaves.get(i), 0, stage0, leafSecrets.get(i), ephemerals.get(i).publicKey().encode(),
                    bundle.identityKey().encode(), bundle.signedPrekey().preKey().encode(), null, null, false));
        }
        b.counter = 1;
        b.lastUpdateMillis = nowMillis;
        b.joinAnnounced = true;
        SessionState state = b.build();

        GroupOperation op = GroupOperation.newBuilder().setInit(InitGroup.newBuilder()
                .setOwnerIdentityKey(ByteString.copyFrom(owner.publicKey().encode()))
                .setPublicTree(ByteString.copyFrom(wire.encode(view.publicTree())))).build();
        ProtectedPayloadTBS payload = ProtectedPayloadTBS.newBuilder().setCounter(1).setCreated(nowMillis)
                .setSender(Sender.newBuilder().setUserId(ownerId))
                .addPayloads(Operations.action(GroupActionPayload.newBuilder().setInit(InitAction.newBuilder()
                        .setGroup(Operations.groupInfo(state, members))).build()))
                .build();
        byte[] frame = FrameFactory.build(group, 0, op, stage0, payload, owner, new FrameFactory.Prover(owner, 0),
                random);

        List<byte[]> invites = new ArrayList<>();
        for (InviteRecord record : state.invites()) {
            try {
                invites.add(invite(owner, group, record));
            } catch (io.zrt.crypto.InvalidEncodingException e) {
                throw new IllegalStateException("a key made from a verified bundle does not decode", e);
            }
        }
        return new Created(state, frame, invites, leaves);
    }

    /** A fresh invite id: 16 random bytes, lowercase hex. */
    public static String newInviteId(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return java.util.HexFormat.of().formatHex(id);
    }

    /** The signed invite an invite record stands for (identified: X3DH; unidentified: carrying the leaf secret). */
    public static byte[] invite(CortadoKeyPair inviter, GroupId group, InviteRecord r) throws
            io.zrt.crypto.InvalidEncodingException {
        InviteSecrets secrets = secrets(group, r.epoch(), r.stageKey(), r.inviteLeaf());
        if (r.kind() == PendingInvite.Kind.UNIDENTIFIED) {
            return Invites.create(inviter, Invites.unidentified(r.leafSecret()), r.leafSecret(), secrets);
        }
        return Invites.create(inviter, Invites.identified(CortadoPoint.decode(r.ephemeralKey()),
                CortadoPoint.decode(r.inviteeIdentityKey()), CortadoPoint.decode(r.inviteePrekey())),
                r.leafSecret(), secrets);
    }

    public static InviteSecrets secrets(GroupId group, long epoch, SecretBytes stage, long leaf) {
        return InviteSecrets.newBuilder().setGroupId(ByteString.copyFrom(group.toBytes())).setEpoch(epoch)
                .setStageKey(ByteString.copyFrom(stage.toByteArray())).setLeaf(Math.toIntExact(leaf)).build();
    }
}
