package io.zrt.crypto.art;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.Scalar;
import java.util.List;

/**
 * INTERIM bridge, to be replaced by a public restore factory in the ART library itself: rebuilds a
 * {@link MemberView} from a persisted public tree, leaf index and path secrets. It cannot be done through
 * {@link MemberView#join}, because after an additive update (finalize removal) a member's path secrets are sums
 * that no longer follow from the leaf secret by the ratchet. Every secret is checked against the public key of
 * its node, so restored state that does not fit its tree is refused.
 *
 * <p>Lives in the ART package only because {@link MemberView}'s constructor is package-private.
 */
public final class SdkMemberViews {

    private SdkMemberViews() {
    }

    /** The secrets of a member's path, leaf first (entry k belongs to the ancestor k levels up). */
    public static List<Scalar> pathSecrets(MemberView view) throws ArtException {
        long leaf = view.leafIndex();
        Scalar[] out = new Scalar[HeapIndex.depth(leaf) + 1];
        for (int k = 0; k < out.length; k++) {
            out[k] = view.pathSecret(leaf >>> k);
        }
        return List.of(out);
    }

    public static MemberView restore(PublicTree tree, long leafIndex, List<Scalar> pathSecrets)
            throws ArtException {
        TreeNode.Leaf leaf = tree.leaf(leafIndex);
        if (leaf.status() == LeafStatus.BLANK) {
            throw new WrongLeafStatusException("cannot restore a member at a BLANK leaf");
        }
        if (pathSecrets.size() != HeapIndex.depth(leafIndex) + 1) {
            throw new WrongPathLengthException("a member at leaf " + leafIndex + " holds "
                    + (HeapIndex.depth(leafIndex) + 1) + " path secrets");
        }
        Scalar[] secrets = pathSecrets.toArray(new Scalar[0]);
        for (int k = 0; k < secrets.length; k++) {
            if (secrets[k].isZero()
                    || !Cortado.multiplyGenerator(secrets[k]).equals(tree.find(leafIndex >>> k).key())) {
                throw new RootMismatchException("restored secret does not match the key of node " + (leafIndex >>> k));
            }
        }
        return new MemberView(tree, leafIndex, secrets);
    }
}
