package io.zrt.client.engine;

import io.zrt.client.GroupMessage.GroupAction;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.x3dh.UserId;
import io.zrt.protocol.GroupActionPayload;
import io.zrt.protocol.Role;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.JoinIdentity;
import io.zrt.protocol.rules.OperationKind;
import java.util.List;
import java.util.Map;

/**
 * The group's rules for actions carried in payloads (applied to a copy of the member list, after the payload
 * signature verified): membership actions must match the frame's operation and target; only the owner changes
 * group metadata, invites and removes; a member changes only its own profile, never its identity key.
 */
final class ActionRules {

    private ActionRules() {
    }

    /** What the frame is and who sent it, for judging its actions. */
    record Context(OperationKind kind, long target, long senderLeaf, String senderUserId, boolean senderIsOwner,
            GroupId group, long epoch) {
    }

    /** Judges one action and applies it to {@code next} (its member list is copied only when an action edits it). */
    static GroupAction apply(Context ctx, GroupActionPayload action, SessionState.Builder next)
            throws VerificationFailedException {
        Map<Long, User> members = next.members;
        switch (action.getActionCase()) {
            case INVITE -> {
                User invitee = action.getInvite().getInvitee();
                require(ctx.kind() == OperationKind.ADD_MEMBER && invitee.getLeaf() == ctx.target(),
                        "an invite must travel with the add-member operation of the invitee's leaf");
                checkIdentity(invitee, true);
                next.editMembers().put(ctx.target(), invitee.toBuilder().setRole(roleOrWrite(invitee)).build());
                return new GroupAction(GroupAction.Kind.INVITE, invitee.getId(), ctx.target(), invitee.getName());
            }
            case REMOVE -> {
                require(ctx.kind() == OperationKind.REMOVE_MEMBER && action.getRemove().getLeaf() == ctx.target(),
                        "a remove action must travel with the remove operation of that leaf");
                return new GroupAction(GroupAction.Kind.REMOVE, action.getRemove().getUserId(), ctx.target(), "");
            }
            case JOIN -> {
                User user = action.getJoin().getUser();
                require(ctx.kind() == OperationKind.KEY_UPDATE && ctx.senderLeaf() == ctx.target(),
                        "a join is announced by the joiner's own key update");
                checkIdentity(user, false);
                try {
                    JoinIdentity.verify(action.getJoin().getIdentitySignature().toByteArray(),
                            CortadoPoint.decode(user.getIdentityKey().toByteArray()), ctx.group(), ctx.epoch(),
                            ctx.target());
                } catch (VerificationException | InvalidEncodingException e) {
                    throw new VerificationFailedException(Check.GROUP_ACTION,
                            "the joiner's identity signature does not verify for this group, epoch and leaf");
                }
                User known = members.get(ctx.target());
                if (known != null && !known.getIdentityKey().isEmpty()) {
                    require(known.getIdentityKey().equals(user.getIdentityKey()),
                            "a joiner cannot replace the identity key it was invited with");
                }
                Role role = known != null ? known.getRole() : Role.ROLE_WRITE;
                next.editMembers().put(ctx.target(), user.toBuilder().setLeaf((int) ctx.target()).setRole(role)
                        .build());
                return new GroupAction(GroupAction.Kind.JOIN, user.getId(), ctx.target(), user.getName());
            }
            case CHANGE_USER -> {
                User user = action.getChangeUser().getUser();
                User known = members.get(ctx.senderLeaf());
                require(known != null && !ctx.senderUserId().isEmpty() && user.getId().equals(ctx.senderUserId()),
                        "a member may only change its own profile");
                require(user.getIdentityKey().isEmpty() || user.getIdentityKey().equals(known.getIdentityKey()),
                        "a profile change cannot change the identity key");
                next.editMembers().put(ctx.senderLeaf(), known.toBuilder().setName(user.getName())
                        .setPicture(user.getPicture()).build());
                return new GroupAction(GroupAction.Kind.CHANGE_USER, user.getId(), ctx.senderLeaf(), user.getName());
            }
            case CHANGE_GROUP -> {
                require(ctx.senderIsOwner(), "only the owner may change the group's metadata");
                var group = action.getChangeGroup().getGroup();
                next.meta = new SessionState.GroupMeta(group.getName(), next.meta.created(),
                        group.getPicture().toByteArray());
                return new GroupAction(GroupAction.Kind.CHANGE_GROUP, ctx.senderUserId(), ctx.senderLeaf(),
                        group.getName());
            }
            case LEAVE -> {
                require(ctx.kind() == OperationKind.LEAVE_GROUP && action.getLeave().getLeaf() == ctx.target(),
                        "a leave action must travel with the leave operation of the sender's leaf");
                return new GroupAction(GroupAction.Kind.LEAVE, ctx.senderUserId(), ctx.target(), "");
            }
            case FINALIZE -> {
                require(ctx.kind() == OperationKind.FINALIZE_REMOVAL && action.getFinalize().getLeaf() == ctx.target(),
                        "a finalize action must travel with the finalize operation of that leaf");
                return new GroupAction(GroupAction.Kind.FINALIZE, "", ctx.target(), "");
            }
            case INIT -> throw new VerificationFailedException(Check.GROUP_ACTION,
                    "an init action is only valid in the group's first frame");
            default -> throw new VerificationFailedException(Check.PAYLOAD_FORMAT, "group action without a kind");
        }
    }

    /** A user entry names its identity key correctly (or, for an unidentified invitee, none at all). */
    static void checkIdentity(User user, boolean mayBeUnidentified) throws VerificationFailedException {
        if (user.getIdentityKey().isEmpty()) {
            require(mayBeUnidentified && user.getId().isEmpty(), "member entry without an identity key");
            return;
        }
        try {
            CortadoPoint key = CortadoPoint.decode(user.getIdentityKey().toByteArray());
            require(UserId.of(key).equals(user.getId()), "user id does not belong to the identity key");
        } catch (InvalidEncodingException e) {
            throw new VerificationFailedException(Check.GROUP_ACTION, "member identity key is not a valid point");
        }
    }

    static void checkMemberList(List<User> users) throws VerificationFailedException {
        java.util.Set<Integer> leaves = new java.util.HashSet<>();
        for (User user : users) {
            checkIdentity(user, true);
            require(user.getLeaf() >= 1 && leaves.add(user.getLeaf()), "member list names a leaf twice");
        }
    }

    private static Role roleOrWrite(User user) {
        return user.getRole() == Role.ROLE_UNSPECIFIED || user.getRole() == Role.ROLE_OWNER ? Role.ROLE_WRITE
                : user.getRole();
    }

    static void require(boolean condition, String message) throws VerificationFailedException {
        if (!condition) {
            throw new VerificationFailedException(Check.GROUP_ACTION, message);
        }
    }
}
