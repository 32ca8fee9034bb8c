package io.zrt.client;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One processed frame as the application sees it, delivered in sequence order exactly once.
 *
 * @param seq          the Node's sequence number of the frame
 * @param epoch        the frame's epoch
 * @param kind         what the frame does
 * @param senderUserId the sender's user id, or empty for a member whose identity is not known yet
 * @param senderLeaf   heap index of the sender's leaf when it sent the frame
 * @param fromMe       true for this member's own frames
 * @param sentAtMillis the sender's clock (not verified)
 */
public record GroupMessage(long seq, long epoch, FrameKind kind, String senderUserId, long senderLeaf,
        boolean fromMe, long sentAtMillis, List<String> chats, List<CrdtChange> crdtChanges,
        List<GroupAction> actions) {

    public GroupMessage {
        Objects.requireNonNull(kind);
        senderUserId = senderUserId == null ? "" : senderUserId;
        chats = List.copyOf(chats);
        crdtChanges = List.copyOf(crdtChanges);
        actions = List.copyOf(actions);
    }

    /** An application CRDT change, opaque to the protocol. */
    public record CrdtChange(String documentId, byte[] change) {
        public CrdtChange {
            Objects.requireNonNull(documentId);
            change = change.clone();
        }

        @Override
        public byte[] change() {
            return change.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CrdtChange other && documentId.equals(other.documentId)
                    && Arrays.equals(change, other.change);
        }

        @Override
        public int hashCode() {
            return 31 * documentId.hashCode() + Arrays.hashCode(change);
        }

        @Override
        public String toString() {
            return "CrdtChange[documentId=" + documentId + ", change=" + HexFormat.of().formatHex(change) + "]";
        }
    }

    /** A group action carried by the frame, after it passed the group's rules. */
    public record GroupAction(Kind kind, String userId, long leaf, String name) {
        public enum Kind { INIT, INVITE, REMOVE, JOIN, CHANGE_USER, CHANGE_GROUP, LEAVE, FINALIZE }

        public GroupAction {
            Objects.requireNonNull(kind);
            userId = userId == null ? "" : userId;
            name = name == null ? "" : name;
        }
    }
}
