package io.zrt.client.engine;

import io.zrt.client.FrameKind;
import io.zrt.client.PendingOperation;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.Scalar;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One of this member's own frames, written ahead of its post: the exact frame bytes (how the member recognises
 * it in the log), and what it needs to complete it as its own — the path secrets its operation leads to, and for
 * an add the invite it is for. Nothing here depends on the network's answer, so a lost response, a retry, a
 * restart or a crash at any point can complete it later.
 *
 * <p>The view after the operation is kept as the leaf and its path secrets only (a logarithmic amount): the
 * tree after it is the tree before it (the operation can only land on the epoch it was built on) with the
 * frame's own branch change applied. {@code viewAfter} caches the full view in memory and is never stored.
 *
 * @param id           the frame's nonce, lowercase hex
 * @param epoch        the frame's epoch (an operation's is the one it creates)
 * @param leafAfter    this member's leaf after the operation, or -1 when the operation does not change its view
 * @param secretsAfter this member's path secrets after the operation, leaf first (empty when unchanged)
 * @param invite       for an add: the invite it is for, else null
 * @param viewAfter    in-memory cache of the view after the operation (may be null)
 */
public record PendingOp(String id, FrameKind kind, long epoch, byte[] frame, long leafAfter,
        List<Scalar> secretsAfter, InviteRecord invite, MemberView viewAfter) {

    public PendingOp {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        frame = frame.clone();
        secretsAfter = List.copyOf(secretsAfter);
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    /** True when these are the frame's bytes (no copy). */
    boolean isFrame(byte[] bytes) {
        return Arrays.equals(frame, bytes);
    }

    /** Whether the frame can still be accepted by the Node after the group reached {@code currentEpoch}. */
    boolean canLandAt(long currentEpoch) {
        return kind.isOperation() ? epoch == currentEpoch + 1 : epoch == currentEpoch;
    }

    /** The member's view once this operation is applied to the tree it was built on. */
    MemberView viewAfter(PublicTree before, BranchChange change) throws ArtException {
        if (viewAfter != null) {
            return viewAfter;
        }
        return MemberView.restore(before.apply(change), leafAfter, secretsAfter);
    }

    public PendingOperation toPublic() {
        return new PendingOperation(id, kind, epoch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingOp p && id.equals(p.id) && Arrays.equals(frame, p.frame);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PendingOp[id=" + id + ", kind=" + kind + ", epoch=" + epoch + ", " + frame.length
                + " bytes, secrets redacted]";
    }
}
