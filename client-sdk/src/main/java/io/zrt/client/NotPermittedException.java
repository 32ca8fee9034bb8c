package io.zrt.client;

import java.util.Objects;

/**
 * This member may not take this action in this group now: refused by the SDK before anything was built, stored
 * or sent (docs/client-sdk.md, "Errors"). A mistake of the calling application, not an attack: frames received
 * from others that break a rule are {@link VerificationFailedException}s instead.
 */
public final class NotPermittedException extends ZrtException {

    /** The rule the action breaks. */
    public enum Rule {
        /** Only the group's owner invites, removes, revokes invites, renames or drops the group. */
        OWNER_ONLY,
        /** A member does not remove itself (it leaves); the owner neither leaves nor removes its own leaf. */
        NOT_ON_ONESELF,
        /** The leaf named holds nobody to remove, or is not waiting for a finalize. */
        NO_SUCH_LEAF,
        /** No member of the group has that user id. */
        NO_SUCH_MEMBER
    }

    private final Rule rule;

    public NotPermittedException(Rule rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule);
    }

    public Rule rule() {
        return rule;
    }
}
