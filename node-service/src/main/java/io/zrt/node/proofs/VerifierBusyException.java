package io.zrt.node.proofs;

/**
 * The proof was <em>not</em> verified (neither accepted nor refused): the queue was full, the wait ran out,
 * the waiting thread was interrupted or the verifier is shutting down. The caller must not act on the proof;
 * the Node answers 503 {@code busy} and appends nothing.
 */
public final class VerifierBusyException extends Exception {

    /** Why the proof was not verified (also the {@code reason} tag of the busy counter). */
    public enum Reason {
        QUEUE_FULL("queue_full"),
        TIMED_OUT("timed_out"),
        INTERRUPTED("interrupted"),
        SHUT_DOWN("shut_down");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Reason reason;

    public VerifierBusyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
