package io.zrt.client;

import java.util.Objects;

/**
 * Something that happened to a session besides a message: delivered to {@link MessageListener#onEvent} in the
 * order it happened, interleaved with the messages of the same frames, on the SDK's executor.
 * {@code seq} is the frame that caused it, or -1 when no frame did (for example a refused post).
 */
public sealed interface GroupEvent {

    String groupId();

    long seq();

    /** The session's {@link GroupStatus} changed. */
    record StatusChanged(String groupId, long seq, GroupStatus from, GroupStatus to) implements GroupEvent {
        public StatusChanged {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }
    }

    /** A membership action passed the group's rules (or, for this member, its removal was accepted). */
    record MembershipChanged(String groupId, long seq, Change change, String userId, long leaf)
            implements GroupEvent {
        /** What happened to the member at {@code leaf}. */
        public enum Change { INVITED, JOINED, LEFT, REMOVED, FINALIZED }

        public MembershipChanged {
            Objects.requireNonNull(change);
            userId = userId == null ? "" : userId;
        }
    }

    /** One of this member's own pending operations was found in the log and completed as its own. */
    record OperationLanded(String groupId, long seq, String operationId, FrameKind kind) implements GroupEvent {
    }

    /**
     * A plain frame the Node accepted but whose content this member refused (its payload does not decrypt, its
     * sender is not an active member, its signature or format is wrong, or a group action in it breaks the
     * group's rules). It was skipped without any change but the position, as every honest member skips it
     * (docs/protocol.md §13.4); {@code reason} says which check refused it. Operation frames are never skipped.
     */
    record FrameRefused(String groupId, long seq, String reason) implements GroupEvent {
        public FrameRefused {
            Objects.requireNonNull(reason);
        }
    }

    /**
     * One of this member's own pending operations can no longer land (another operation took its epoch, the Node
     * refused it, or this member can no longer act) and was dropped without effect.
     */
    record OperationDiscarded(String groupId, long seq, String operationId, FrameKind kind, String reason)
            implements GroupEvent {
    }
}
