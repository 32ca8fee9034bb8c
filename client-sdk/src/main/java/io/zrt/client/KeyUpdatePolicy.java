package io.zrt.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When a session refreshes its own leaf secret (a key update) on its own, checked before each message it sends.
 * The reference behaviour is {@link #afterOthersSpoke()}: once another member has spoken since this member's
 * last update, the next message is preceded by a key update.
 */
public record KeyUpdatePolicy(Kind kind, int everyMessages, Duration every) {

    public enum Kind { AFTER_OTHERS_SPOKE, EVERY_N_MESSAGES, EVERY_INTERVAL, MANUAL }

    public KeyUpdatePolicy {
        Objects.requireNonNull(kind);
        if (kind == Kind.EVERY_N_MESSAGES && everyMessages < 1) {
            throw new IllegalArgumentException("N must be at least 1");
        }
        if (kind == Kind.EVERY_INTERVAL && (every == null || every.isZero() || every.isNegative())) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    public static KeyUpdatePolicy afterOthersSpoke() {
        return new KeyUpdatePolicy(Kind.AFTER_OTHERS_SPOKE, 0, null);
    }

    public static KeyUpdatePolicy everyMessages(int n) {
        return new KeyUpdatePolicy(Kind.EVERY_N_MESSAGES, n, null);
    }

    public static KeyUpdatePolicy every(Duration interval) {
        return new KeyUpdatePolicy(Kind.EVERY_INTERVAL, 0, interval);
    }

    /** Only explicit {@code keyUpdate()} calls. */
    public static KeyUpdatePolicy manual() {
        return new KeyUpdatePolicy(Kind.MANUAL, 0, null);
    }

    /** Whether a key update is due before the next message. */
    public boolean isDue(int messagesSinceUpdate, boolean othersSpoke, long lastUpdateMillis, long nowMillis) {
        return switch (kind) {
            case AFTER_OTHERS_SPOKE -> othersSpoke;
            case EVERY_N_MESSAGES -> messagesSinceUpdate >= everyMessages;
            case EVERY_INTERVAL -> nowMillis - lastUpdateMillis >= every.toMillis();
            case MANUAL -> false;
        };
    }
}
