package io.zrt.client.engine;

import io.zrt.client.DecryptionFailedException;
import io.zrt.client.GroupStatus;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.x3dh.UserId;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.protocol.GroupInfo;
import io.zrt.protocol.Payload;
import io.zrt.protocol.Sender;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.Eligibility;
import io.zrt.protocol.rules.FrameDigests;
import io.zrt.protocol.rules.FrameParser;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.OperationKind;
import io.zrt.protocol.rules.ParsedFrame;
import io.zrt.protocol.rules.SchnorrVerifier;
import java.security.MessageDigest;
import java.util.TreeMap;

/**
 * A new member's first frame: the operation of the epoch it was invited into (init for initial members, else
 * the add frame of its own leaf). It cannot check that frame like later ones (it never had the tree before it),
 * so it checks what it can: the frame is for its group, epoch and leaf; the branch (or the init tree) matches
 * the tree it fetched and verified against its leaf secret; the payload decrypts under the stage key from the
 * signed invite and is signed by the pinned inviter key; the member list it restates names the inviter as owner.
 */
final class Bootstrap {

    private Bootstrap() {
    }

    static SessionState first(Invites.Opened invite, MemberView view, long seq, byte[] frameBytes, String myUserId,
            String myName, long nowMillis) throws VerificationFailedException, DecryptionFailedException {
        ParsedFrame frame;
        try {
            frame = FrameParser.parse(frameBytes);
        } catch (FrameRejectedException e) {
            throw new VerificationFailedException(Check.FRAME_FORMAT, e.getMessage());
        }
        if (!frame.groupId().equals(invite.group())) {
            throw new VerificationFailedException(Check.GROUP_ID, "first frame belongs to another group");
        }
        if (frame.epoch() != invite.epoch()) {
            throw new VerificationFailedException(Check.EPOCH, "first frame is not of the invite's epoch");
        }
        PublicTree tree = view.publicTree();
        String inviterId;
        try {
            inviterId = UserId.of(CortadoPoint.decode(invite.inviterKey()));
        } catch (io.zrt.crypto.InvalidEncodingException e) {
            throw new VerificationFailedException(Check.INVITE, "inviter key is not a valid point");
        }
        if (frame.kind() == OperationKind.INIT) {
            var init = frame.init().orElseThrow();
            if (seq != 0 || !MessageDigest.isEqual(init.getOwnerIdentityKey().toByteArray(), invite.inviterKey())) {
                throw new VerificationFailedException(Check.ELIGIBILITY, "group was not created by the inviter");
            }
            try {
                Eligibility.checkInit(frame, SchnorrVerifier.INSTANCE);
                if (!TreeWire.decodeAny(init.getPublicTree().toByteArray()).equals(tree)) {
                    throw new VerificationFailedException(Check.TREE, "initial tree differs from the fetched tree");
                }
            } catch (FrameRejectedException e) {
                throw new VerificationFailedException(Check.ELIGIBILITY, e.getMessage());
            } catch (ArtException e) {
                throw new VerificationFailedException(Check.TREE, "initial tree does not decode");
            }
        } else if (frame.kind() == OperationKind.ADD_MEMBER) {
            var change = frame.branchChange().orElseThrow();
            if (change.getTarget() != invite.leaf() || invite.leaf() != view.leafIndex()) {
                throw new VerificationFailedException(Check.TREE, "first frame adds another leaf");
            }
            for (int level = 0; level < change.getPathKeysCount(); level++) {
                try {
                    byte[] published = change.getPathKeys(level).toByteArray();
                    long node = invite.leaf() >>> level;
                    if (!MessageDigest.isEqual(published, tree.nodeKey(node).encode())) {
                        throw new VerificationFailedException(Check.TREE, "add frame differs from the fetched tree");
                    }
                } catch (ArtException e) {
                    throw new VerificationFailedException(Check.TREE, "add frame does not fit the fetched tree");
                }
            }
        } else {
            throw new VerificationFailedException(Check.EPOCH, "first frame of the epoch is not the invite's operation");
        }

        Payloads.Opened opened = Payloads.open(frame.tbs().getProtectedPayload().toByteArray(), invite.stageKey(),
                FrameDigests.payloadAad(frame.tbs()));
        Sender sender = opened.tbs().getSender();
        if (sender.getIdCase() != Sender.IdCase.USER_ID || !sender.getUserId().equals(inviterId)) {
            throw new VerificationFailedException(Check.SENDER, "first frame is not sent by the inviter");
        }
        Payloads.verify(invite.group(), frame.epoch(), opened, invite.inviterKey());
        GroupInfo info = null;
        boolean invited = frame.kind() == OperationKind.INIT;
        for (Payload payload : opened.tbs().getPayloadsList()) {
            if (!payload.hasAction()) {
                continue;
            }
            var action = payload.getAction();
            switch (action.getActionCase()) {
                case INIT -> info = frame.kind() == OperationKind.INIT ? action.getInit().getGroup() : info;
                case CHANGE_GROUP -> info = frame.kind() == OperationKind.ADD_MEMBER
                        ? action.getChangeGroup().getGroup() : info;
                case INVITE -> invited |= action.getInvite().getInvitee().getLeaf() == invite.leaf();
                default -> {
                }
            }
        }
        if (info == null || !invited) {
            throw new VerificationFailedException(Check.GROUP_ACTION, "first frame does not introduce this member");
        }
        ActionRules.checkMemberList(info.getMembersList());
        TreeMap<Long, User> members = new TreeMap<>();
        for (User user : info.getMembersList()) {
            members.put((long) user.getLeaf(), user);
        }
        User owner = members.get(tree.ownerLeafIndex());
        if (owner == null || !MessageDigest.isEqual(owner.getIdentityKey().toByteArray(), invite.inviterKey())
                || !members.containsKey(invite.leaf())) {
            throw new VerificationFailedException(Check.GROUP_ACTION, "member list does not fit the invite");
        }
        SessionState.Builder b = new SessionState.Builder();
        b.groupId = invite.group();
        b.myUserId = myUserId;
        b.epoch = frame.epoch();
        b.nextSeq = seq + 1;
        b.status = GroupStatus.ACTIVE;
        b.view = view;
        b.stageKey = invite.stageKey();
        b.ownerIdentityKey = invite.inviterKey();
        b.meta = new SessionState.GroupMeta(info.getName(), info.getCreated(), info.getPicture().toByteArray());
        b.members(members);
        b.lastUpdateMillis = nowMillis;
        b.joinAnnounced = false;
        b.joinName = myName;
        return b.build();
    }
}
