package io.zrt.crypto.art;

import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/** Creates branch changes for a member: checks the creator's side rules, ratchets, validates the result. */
final class BranchFactory {

    private BranchFactory() {
    }

    /**
     * @param fixedSecret the leaf secret (or contribution) to use, or null to draw fresh ones from random;
     *                    with a fixed secret an out-of-range path is an error instead of a redraw
     */
    static CreatedBranch create(MemberView view, BranchChangeType type, long target, Scalar fixedSecret,
                                SecureRandom random) throws ArtException {
        PublicTree tree = view.publicTree();
        checkCreator(view, type, target);
        List<CortadoPoint> coPath = tree.coPathKeys(target);
        Scalar[] secrets;
        while (true) {
            Scalar leafSecret = fixedSecret != null ? fixedSecret : PathMath.freshSecret(random);
            try {
                secrets = PathMath.ratchet(leafSecret, coPath);
            } catch (DegenerateKeyException e) {
                if (fixedSecret != null) {
                    throw e;
                }
                continue;
            }
            if (secrets != null) {
                break;
            }
            if (fixedSecret != null) {
                throw new PathSecretRangeException("a derived path secret is not below 2^252; choose another");
            }
        }
        CortadoPoint[] keys = PathMath.publicKeys(secrets);
        BranchChange change = new BranchChange(type, target, List.of(keys));
        PublicTree next = tree.apply(change);
        MemberView nextView = view.advance(change, next, secrets);
        BranchWitness witness = new BranchWitness(type, target, Arrays.asList(secrets), coPath, List.of(keys));
        return new CreatedBranch(change, nextView, witness);
    }

    private static void checkCreator(MemberView view, BranchChangeType type, long target) throws ArtException {
        switch (type) {
            case ADD_MEMBER, REMOVE_MEMBER -> {
                if (!view.isOwner()) {
                    throw new NotOwnerException(type + " may only be created by the owner");
                }
            }
            case KEY_UPDATE, LEAVE -> {
                if (target != view.leafIndex()) {
                    throw new IllegalArgumentException(type + " always targets the creator's own leaf");
                }
            }
            case FINALIZE_REMOVAL -> {
                if (target == view.leafIndex()) {
                    throw new WrongLeafStatusException("a member cannot finalize the removal of its own leaf");
                }
            }
        }
    }
}
