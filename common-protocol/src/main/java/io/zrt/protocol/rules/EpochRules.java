package io.zrt.protocol.rules;

/**
 * Linear history (protocol version 1): a frame with a group operation moves the group from epoch e to
 * e + 1 and must say e + 1; a frame without one says the current epoch e. Exactly one operation can win an
 * epoch; every competitor then sees {@link Rejection#STALE_EPOCH}.
 */
public final class EpochRules {

    private EpochRules() {
    }

    /** The epoch a frame of this kind must carry when the group is at {@code currentEpoch}. */
    public static long expectedEpoch(OperationKind kind, long currentEpoch) {
        if (kind == OperationKind.INIT) {
            throw new IllegalArgumentException("init creates the group; use checkInit");
        }
        return kind.isGroupOperation() ? currentEpoch + 1 : currentEpoch;
    }

    public static void check(OperationKind kind, long frameEpoch, long currentEpoch) throws FrameRejectedException {
        long expected = expectedEpoch(kind, currentEpoch);
        if (frameEpoch < expected) {
            throw new FrameRejectedException(Rejection.STALE_EPOCH,
                    "frame epoch " + frameEpoch + " is behind: expected " + expected);
        }
        if (frameEpoch > expected) {
            throw new FrameRejectedException(Rejection.FUTURE_EPOCH,
                    "frame epoch " + frameEpoch + " is ahead: expected " + expected);
        }
    }

    /** An init frame creates the group at epoch 0. */
    public static void checkInit(long frameEpoch) throws FrameRejectedException {
        if (frameEpoch != 0) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "an init frame carries epoch 0");
        }
    }
}
