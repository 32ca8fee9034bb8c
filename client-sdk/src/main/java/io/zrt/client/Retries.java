package io.zrt.client;

import java.time.Duration;

/**
 * How often the SDK tries again.
 *
 * @param networkAttempts  attempts of one HTTP call on I/O errors, 429 and 503 (at least 1); the pause before
 *                         attempt k is drawn uniformly from [b/2, b] with b = backoff·2^(k−2), at most 5 s, and
 *                         at least what Retry-After asks; all attempts together stay within
 *                         {@link Timeouts#call()}
 * @param backoff          base of that pause
 * @param conflictAttempts attempts of a group operation or message that meets 409 stale_epoch: each retry first
 *                         catches up on the frames that won, then rebuilds the frame (at least 1)
 */
public record Retries(int networkAttempts, Duration backoff, int conflictAttempts) {

    public Retries {
        if (networkAttempts < 1 || conflictAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("negative backoff");
        }
    }

    public static Retries defaults() {
        return new Retries(3, Duration.ofMillis(100), 8);
    }
}
