package io.zrt.client;

/**
 * Something received did not pass a check: a frame's proof (eligibility or branch proof), epoch, group id,
 * derived root, payload signature or group-action rule, an invite's signature, or a tree that does not match the
 * member's secrets. The session that reported it is unchanged.
 */
public final class VerificationFailedException extends ZrtException {

    /** Which check failed; stable names for applications that want to react differently. */
    public enum Check {
        FRAME_FORMAT, SEQUENCE, GROUP_ID, EPOCH, ELIGIBILITY, TREE, BRANCH_PROOF, ROOT, PAYLOAD_FORMAT,
        PAYLOAD_SIGNATURE, SENDER, GROUP_ACTION, INVITE,
        /** Two different frames were seen for one seq (live push and the Node's log): the session stopped there. */
        CONFLICTING_FRAMES
    }

    private final Check check;

    public VerificationFailedException(Check check, String message) {
        super(check + ": " + message);
        this.check = check;
    }

    public VerificationFailedException(Check check, String message, Throwable cause) {
        super(check + ": " + message, cause);
        this.check = check;
    }

    public Check check() {
        return check;
    }
}
