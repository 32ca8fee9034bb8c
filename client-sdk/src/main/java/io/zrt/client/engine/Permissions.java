package io.zrt.client.engine;

import io.zrt.client.NotPermittedException;
import io.zrt.client.NotPermittedException.Rule;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.LeafStatus;

/**
 * What this member may do in its group, checked on its own state before an operation is built (docs/client-sdk.md,
 * "Errors"). The same rules the Node and every member apply to received frames; checking them here first turns an
 * application's mistake into a {@link NotPermittedException} naming the rule, instead of a proof built for nothing
 * and a refusal that reads like an attack.
 */
public final class Permissions {

    private Permissions() {
    }

    /** Invites, removals, invite revocations, renaming and dropping the group are the owner's. */
    public static void requireOwner(SessionState s, String action) throws NotPermittedException {
        if (!s.isOwner()) {
            throw new NotPermittedException(Rule.OWNER_ONLY, "only the group's owner may " + action);
        }
    }

    /** The owner removes an ACTIVE leaf that is not its own. */
    public static void requireRemovable(SessionState s, long leaf) throws NotPermittedException {
        requireOwner(s, "remove members");
        if (leaf == s.myLeaf()) {
            throw new NotPermittedException(Rule.NOT_ON_ONESELF, "the owner does not remove its own leaf");
        }
        if (status(s, leaf) != LeafStatus.ACTIVE) {
            throw new NotPermittedException(Rule.NO_SUCH_LEAF, "leaf " + leaf + " holds no member to remove");
        }
    }

    /** Anyone finalizes a BLANK or PENDING_REMOVAL leaf. */
    public static void requireFinalizable(SessionState s, long leaf) throws NotPermittedException {
        LeafStatus status = status(s, leaf);
        if (status != LeafStatus.BLANK && status != LeafStatus.PENDING_REMOVAL) {
            throw new NotPermittedException(Rule.NO_SUCH_LEAF, "leaf " + leaf + " is " + status
                    + ", not waiting for a finalize");
        }
    }

    /** The leaf left and waits for its finalize (what the owner's automatic finalize looks for). */
    public static void requireLeaving(SessionState s, long leaf) throws NotPermittedException {
        if (status(s, leaf) != LeafStatus.PENDING_REMOVAL) {
            throw new NotPermittedException(Rule.NO_SUCH_LEAF, "leaf " + leaf + " is not waiting for a finalize");
        }
    }

    /** Members leave; the owner's leaf is protected (it drops the group instead). */
    public static void requireMayLeave(SessionState s) throws NotPermittedException {
        if (s.isOwner()) {
            throw new NotPermittedException(Rule.NOT_ON_ONESELF, "the owner does not leave its group (drop it)");
        }
    }

    private static LeafStatus status(SessionState s, long leaf) throws NotPermittedException {
        try {
            return s.view().publicTree().leafStatus(leaf);
        } catch (ArtException e) {
            throw new NotPermittedException(Rule.NO_SUCH_LEAF, "no leaf " + leaf + " in the tree");
        }
    }
}
