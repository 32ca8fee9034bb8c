package io.zrt.client.internal;

import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one session applied at its most recent seqs, whichever path brought the frame (live push, a page of the
 * Node's log, its own post), so that two different frames for one seq — a seq reused after the Node lost an
 * acknowledged frame, or a relay and a Node that disagree — are caught instead of one being applied blindly
 * (docs/client-sdk.md, "Conflicting frames"). Once it caught one, the session applies nothing more. Called with
 * the session's lock held.
 */
final class FrameWitness {

    /** How many recent seqs are remembered: enough for any live push that arrives after its REST copy. */
    private static final int WINDOW = 256;

    private final Map<Long, byte[]> applied = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > WINDOW;
        }
    };
    private volatile String halted;

    /** Throws if an earlier conflict stopped the session. */
    void requireNotHalted() throws VerificationFailedException {
        String reason = halted;
        if (reason != null) {
            throw new VerificationFailedException(Check.CONFLICTING_FRAMES, reason);
        }
    }

    /** Records the frame applied at {@code seq}. */
    void applied(long seq, byte[] frame) {
        applied.put(seq, digest(frame));
    }

    /** Another copy of an already applied seq: nothing if it is the same frame, a conflict if it is not. */
    void checkApplied(long seq, byte[] frame, String source) throws VerificationFailedException {
        byte[] known = applied.get(seq);
        if (known != null && !MessageDigest.isEqual(known, digest(frame))) {
            conflict(seq, "the frame applied there and a different one from " + source);
        }
    }

    /** Two copies of a seq not applied yet: a conflict if they differ. */
    void checkCopies(long seq, byte[] first, byte[] second, String sources) throws VerificationFailedException {
        if (first != null && second != null && !MessageDigest.isEqual(digest(first), digest(second))) {
            conflict(seq, "two different frames from " + sources + "; neither was applied");
        }
    }

    private void conflict(long seq, String what) throws VerificationFailedException {
        halted = "seq " + seq + " holds " + what + ": this session applies nothing more; the Node's log or the "
                + "relay reused a seq (docs/operations.md, \"Seq conflicts\")";
        requireNotHalted();
    }

    private static byte[] digest(byte[] frame) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(frame);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
