package io.zrt.client.internal;

import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.client.ZrtException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.art.RootMismatchException;
import io.zrt.protocol.EpochTree;
import io.zrt.protocol.SPFrames;
import java.security.MessageDigest;

/**
 * Joining (PROTOCOL.md section 9): fetch the tree of the invite's epoch with a proof by the new leaf key, check
 * that the leaf key and every derived path key (the root last) match it, then read the first frame of that
 * epoch (the invite's own operation) as the bootstrap of the session state.
 */
public final class Joining {

    private Joining() {
    }

    /**
     * The same checks without the network: the tree of the invite's epoch and the first frame of that epoch were
     * obtained elsewhere (an application relaying them, or a benchmark).
     */
    public static SessionState fromFirstFrame(Invites.Opened invite, PublicTree tree, long seq, byte[] frame,
            String myUserId, long nowMillis) throws ZrtException {
        MemberView view;
        try {
            view = MemberView.join(tree, invite.leaf(), invite.leafSecret());
        } catch (RootMismatchException e) {
            throw new VerificationFailedException(Check.ROOT, "tree does not match the invite's leaf secret");
        } catch (ArtException e) {
            throw new VerificationFailedException(Check.TREE, "tree does not fit the invite: " + e.getMessage());
        }
        return Bootstrap.first(invite, view, seq, frame, myUserId, nowMillis);
    }

    public static SessionState bootstrap(NodeApi node, Invites.Opened invite, String myUserId, long nowMillis)
            throws ZrtException {
        EpochTree epochTree = node.tree(invite.group(), invite.epoch(), Math.toIntExact(invite.leaf()),
                invite.leafSecret());
        if (!MessageDigest.isEqual(epochTree.getGroupId().toByteArray(), invite.group().toBytes())
                || epochTree.getEpoch() != invite.epoch()) {
            throw new VerificationFailedException(Check.TREE, "Node answered with the tree of another group or epoch");
        }
        MemberView view;
        try {
            PublicTree tree = TreeWire.decodeAny(epochTree.getPublicTree().toByteArray());
            view = MemberView.join(tree, invite.leaf(), invite.leafSecret());
        } catch (RootMismatchException e) {
            throw new VerificationFailedException(Check.ROOT, "tree does not match the invite's leaf secret");
        } catch (ArtException e) {
            throw new VerificationFailedException(Check.TREE, "tree does not fit the invite: " + e.getMessage());
        }
        SPFrames page = node.frames(invite.group(), 0, 1, invite.epoch(), view.treeKey());
        if (page.getFramesCount() == 0) {
            throw new VerificationFailedException(Check.SEQUENCE, "Node returned no frame of the invite's epoch");
        }
        var first = page.getFrames(0);
        return Bootstrap.first(invite, view, first.getSeq(), first.getFrame().toByteArray(), myUserId, nowMillis);
    }
}
