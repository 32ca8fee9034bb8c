package io.zrt.crypto.art;

import java.util.Objects;

/**
 * Result of creating a group operation: the branch change to publish, the creator's view after it, and the
 * witness for the branch proof (secret; see {@link BranchWitness}).
 */
public record CreatedBranch(BranchChange change, MemberView view, BranchWitness witness) {

    public CreatedBranch {
        Objects.requireNonNull(change);
        Objects.requireNonNull(view);
        Objects.requireNonNull(witness);
    }
}
