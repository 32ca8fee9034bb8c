package io.zrt.client;

/**
 * One of this member's own frames that is durable in the session storage but not yet found in the group's log:
 * posted (or about to be) with an unknown outcome. The SDK completes it when it meets the frame (exact bytes),
 * posts it again with the same bytes on the next {@link GroupSession#sync()} or send while it can still land, and
 * discards it once it cannot ({@link GroupEvent.OperationLanded}, {@link GroupEvent.OperationDiscarded}).
 *
 * @param id    the frame's nonce, lowercase hex (unique in the group)
 * @param epoch the frame's epoch
 */
public record PendingOperation(String id, FrameKind kind, long epoch) {
}
