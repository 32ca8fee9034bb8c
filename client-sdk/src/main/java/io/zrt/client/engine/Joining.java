package io.zrt.client.engine;

import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.client.ZrtException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.art.RootMismatchException;
import io.zrt.protocol.EpochTree;
import java.security.MessageDigest;

/**
 * Joining (docs/protocol.md §10.4), the pure part: given the tree of the invite's epoch (fetched with a proof by
 * the new leaf key) and the first frame of that epoch (the invite's own operation), checks that the leaf key and
 * every derived path key (the root last) match the tree and reads that frame as the bootstrap of the session.
 */
public final class Joining {

    private Joining() {
    }

    /** The tree answer names the invite's group and epoch and fits the invite's leaf secret. */
    public static MemberView view(Invites.Opened invite, EpochTree epochTree) throws ZrtException {
        if (!MessageDigest.isEqual(epochTree.getGroupId().toByteArray(), invite.group().toBytes())
                || epochTree.getEpoch() != invite.epoch()) {
            throw new VerificationFailedException(Check.TREE, "Node answered with the tree of another group or epoch");
        }
        try {
            return view(invite, TreeWire.decodeAny(epochTree.getPublicTree().toByteArray()));
        } catch (ArtException e) {
            throw new VerificationFailedException(Check.TREE, "tree does not decode: " + e.getMessage());
        }
    }

    public static MemberView view(Invites.Opened invite, PublicTree tree) throws ZrtException {
        try {
            return MemberView.join(tree, invite.leaf(), invite.leafSecret());
        } catch (RootMismatchException e) {
            throw new VerificationFailedException(Check.ROOT, "tree does not match the invite's leaf secret");
        } catch (ArtException e) {
            throw new VerificationFailedException(Check.TREE, "tree does not fit the invite: " + e.getMessage());
        }
    }

    /** The new member's first state, from the invite's first frame (seq and bytes as the Node stores them). */
    public static SessionState fromFirstFrame(Invites.Opened invite, MemberView view, long seq, byte[] frame,
            String myUserId, String myName, long nowMillis) throws ZrtException {
        return Bootstrap.first(invite, view, seq, frame, myUserId, myName, nowMillis);
    }

    /** The same, from a tree obtained elsewhere (an application relaying it, or a benchmark). */
    public static SessionState fromFirstFrame(Invites.Opened invite, PublicTree tree, long seq, byte[] frame,
            String myUserId, long nowMillis) throws ZrtException {
        return fromFirstFrame(invite, view(invite, tree), seq, frame, myUserId, "", nowMillis);
    }
}
