package io.zrt.client.engine;

import io.zrt.client.GroupStatus;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.art.MemberView;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.GroupId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one member knows about one group at one point of the frame log, including its own operations that
 * are not in the log yet ({@code pending}) and the invites it made whose invitees have not joined
 * ({@code invites}). Immutable: processing a frame or queueing an operation builds a new state, and the session
 * swaps it in only when every check passed and the new state is durable, so a rejected frame can never leave
 * half-applied changes behind. {@link #toString()} shows no secret.
 *
 * <p>The member list is shared between successive states until a frame changes it, so a plain message costs no
 * copy of it.
 *
 * @param nextSeq             the sequence number of the next frame to process
 * @param stageKey            stk of {@code epoch}
 * @param members             the group's member list by leaf heap index (the keys payload signatures are
 *                            checked against)
 * @param counter             this member's own payload counter
 * @param messagesSinceUpdate payloads this member sent since its last key update
 * @param othersSpoke         another member sent a message since this member's last key update
 * @param lastUpdateMillis    wall-clock time of this member's last key update (or join)
 * @param joinAnnounced       false for a new member until its key update with the JoinGroup action landed
 * @param joinName            the name a new member announces in that key update (empty once announced)
 * @param pending             own frames written ahead of posting, oldest first
 * @param invites             invites whose add frame landed and whose invitee has not joined yet
 */
public record SessionState(
        GroupId groupId,
        String myUserId,
        long epoch,
        long nextSeq,
        GroupStatus status,
        MemberView view,
        SecretBytes stageKey,
        byte[] ownerIdentityKey,
        GroupMeta meta,
        Map<Long, User> members,
        long counter,
        int messagesSinceUpdate,
        boolean othersSpoke,
        long lastUpdateMillis,
        boolean joinAnnounced,
        String joinName,
        List<PendingOp> pending,
        List<InviteRecord> invites) {

    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    /** Group metadata that only the owner may change. */
    public record GroupMeta(String name, long created, byte[] picture) {
        public GroupMeta {
            Objects.requireNonNull(name);
            picture = picture == null ? new byte[0] : picture.clone();
        }

        @Override
        public byte[] picture() {
            return picture.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupMeta m && name.equals(m.name) && created == m.created
                    && Arrays.equals(picture, m.picture);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(picture);
        }

        @Override
        public String toString() {
            return "GroupMeta[name=" + name + ", created=" + created + ", picture=" + picture.length + " bytes]";
        }
    }

    public SessionState {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(view);
        Objects.requireNonNull(stageKey);
        ownerIdentityKey = ownerIdentityKey.clone();
        members = members.getClass() == FROZEN ? members : Collections.unmodifiableSortedMap(new TreeMap<>(members));
        joinName = joinName == null ? "" : joinName;
        pending = List.copyOf(pending);
        invites = List.copyOf(invites); // no copy when it already is one: shared until an invite changes
    }

    @Override
    public byte[] ownerIdentityKey() {
        return ownerIdentityKey.clone();
    }

    public long myLeaf() {
        return view.leafIndex();
    }

    public boolean isOwner() {
        return view.isOwner();
    }

    /** The pending operation whose frame is exactly these bytes, or null. */
    public PendingOp pendingWithFrame(byte[] frame) {
        for (PendingOp op : pending) {
            if (Arrays.equals(op.frame(), frame)) {
                return op;
            }
        }
        return null;
    }

    /** This state with {@code op} queued (written ahead of its post). */
    public SessionState withPending(PendingOp op) {
        Builder b = toBuilder();
        b.pending.add(op);
        return b.build();
    }

    /** This state without the pending operation {@code id} (refused by the Node, or never posted). */
    public SessionState withoutPending(String id) {
        Builder b = toBuilder();
        b.pending.removeIf(op -> op.id().equals(id));
        return b.build();
    }

    /** This state with the invite record {@code id} replaced by {@code record}. */
    public SessionState withInvite(InviteRecord record) {
        Builder b = toBuilder();
        b.editInvites().replaceAll(r -> r.id().equals(record.id()) ? record : r);
        return b.build();
    }

    /**
     * True when a frame changed the part of the state that only operations, member-list and metadata changes
     * touch (tree, secrets, keys, members, metadata, invites): the storage then writes a full snapshot instead of
     * the small journal record.
     */
    public boolean epochPartDiffers(SessionState other) {
        return other == null || view != other.view || stageKey != other.stageKey || epoch != other.epoch
                || members != other.members || invites != other.invites || !meta.equals(other.meta)
                || !Arrays.equals(ownerIdentityKey, other.ownerIdentityKey) || !myUserId.equals(other.myUserId);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "SessionState[group=" + groupId + ", epoch=" + epoch + ", nextSeq=" + nextSeq + ", status=" + status
                + ", leaf=" + view.leafIndex() + ", members=" + members.size() + ", pending=" + pending.size()
                + ", invites=" + invites.size() + ", secrets redacted]";
    }

    /** Mutable copy used while a new state is being assembled. */
    static final class Builder {
        GroupId groupId;
        String myUserId;
        long epoch;
        long nextSeq;
        GroupStatus status;
        MemberView view;
        SecretBytes stageKey;
        byte[] ownerIdentityKey;
        GroupMeta meta;
        Map<Long, User> members = Map.of();
        private TreeMap<Long, User> edited;
        long counter;
        int messagesSinceUpdate;
        boolean othersSpoke;
        long lastUpdateMillis;
        boolean joinAnnounced;
        String joinName = "";
        java.util.ArrayList<PendingOp> pending = new java.util.ArrayList<>();
        List<InviteRecord> invites = List.of();
        private java.util.ArrayList<InviteRecord> editedInvites;

        Builder() {
        }

        Builder(SessionState s) {
            groupId = s.groupId;
            myUserId = s.myUserId;
            epoch = s.epoch;
            nextSeq = s.nextSeq;
            status = s.status;
            view = s.view;
            stageKey = s.stageKey;
            ownerIdentityKey = s.ownerIdentityKey;
            meta = s.meta;
            members = s.members;
            counter = s.counter;
            messagesSinceUpdate = s.messagesSinceUpdate;
            othersSpoke = s.othersSpoke;
            lastUpdateMillis = s.lastUpdateMillis;
            joinAnnounced = s.joinAnnounced;
            joinName = s.joinName;
            pending = new java.util.ArrayList<>(s.pending);
            invites = s.invites;
        }

        /** The invite records to change; copied once, on first use. */
        java.util.ArrayList<InviteRecord> editInvites() {
            if (editedInvites == null) {
                editedInvites = new java.util.ArrayList<>(invites);
                invites = editedInvites;
            }
            return editedInvites;
        }

        /** The member list to change; copied once, on first use. */
        TreeMap<Long, User> editMembers() {
            if (edited == null) {
                edited = new TreeMap<>(members);
                members = edited;
            }
            return edited;
        }

        /** Replaces the member list as a whole. */
        void members(Map<Long, User> replacement) {
            edited = new TreeMap<>(replacement);
            members = edited;
        }

        SessionState build() {
            return new SessionState(groupId, myUserId, epoch, nextSeq, status, view, stageKey, ownerIdentityKey,
                    meta, members, counter, messagesSinceUpdate, othersSpoke, lastUpdateMillis, joinAnnounced,
                    joinName, pending, invites);
        }
    }
}
