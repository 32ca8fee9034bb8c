package io.zrt.client.internal;

import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.art.MemberView;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.GroupId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one member knows about one group at one point of the frame log. Immutable: processing a frame or
 * sending an operation builds a new state and the session swaps it in only when every check passed, so a
 * rejected frame can never leave half-applied changes behind. {@link #toString()} shows no secret.
 *
 * @param nextSeq           the sequence number of the next frame to process
 * @param stageKey          stk of {@code epoch}
 * @param members           the group's member list by leaf heap index (the keys payload signatures are checked
 *                          against)
 * @param counter           this member's own payload counter
 * @param messagesSinceUpdate payloads this member sent since its last key update
 * @param othersSpoke       another member sent a message since this member's last key update
 * @param lastUpdateMillis  wall-clock time of this member's last key update (or join)
 * @param joinAnnounced     false for a new member until its key update with the JoinGroup action landed
 */
public record SessionState(
        GroupId groupId,
        String myUserId,
        long epoch,
        long nextSeq,
        Status status,
        MemberView view,
        SecretBytes stageKey,
        byte[] ownerIdentityKey,
        GroupMeta meta,
        Map<Long, User> members,
        long counter,
        int messagesSinceUpdate,
        boolean othersSpoke,
        long lastUpdateMillis,
        boolean joinAnnounced) {

    /** Where this member stands in the group. */
    public enum Status { ACTIVE, LEFT, REMOVED, DROPPED }

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
    }

    public SessionState {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(view);
        Objects.requireNonNull(stageKey);
        ownerIdentityKey = ownerIdentityKey.clone();
        members = Collections.unmodifiableMap(new TreeMap<>(members));
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

    Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "SessionState[group=" + groupId + ", epoch=" + epoch + ", nextSeq=" + nextSeq + ", status=" + status
                + ", leaf=" + view.leafIndex() + ", members=" + members.size() + ", secrets redacted]";
    }

    /** Mutable copy used while a new state is being assembled. */
    static final class Builder {
        GroupId groupId;
        String myUserId;
        long epoch;
        long nextSeq;
        Status status;
        MemberView view;
        SecretBytes stageKey;
        byte[] ownerIdentityKey;
        GroupMeta meta;
        TreeMap<Long, User> members;
        long counter;
        int messagesSinceUpdate;
        boolean othersSpoke;
        long lastUpdateMillis;
        boolean joinAnnounced;

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
            members = new TreeMap<>(s.members);
            counter = s.counter;
            messagesSinceUpdate = s.messagesSinceUpdate;
            othersSpoke = s.othersSpoke;
            lastUpdateMillis = s.lastUpdateMillis;
            joinAnnounced = s.joinAnnounced;
        }

        SessionState build() {
            return new SessionState(groupId, myUserId, epoch, nextSeq, status, view, stageKey, ownerIdentityKey,
                    meta, members, counter, messagesSinceUpdate, othersSpoke, lastUpdateMillis, joinAnnounced);
        }
    }
}
