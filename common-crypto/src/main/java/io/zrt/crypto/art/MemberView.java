package io.zrt.crypto.art;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * A member's private view: the public tree plus the secrets of every node on the path from the member's leaf
 * to the root (the last of which is the tree key). Immutable: operations return a new view, and a rejected
 * branch change leaves this one untouched. {@link #toString()} reveals no secret.
 */
public final class MemberView {

    private final PublicTree tree;
    private final long leafIndex;
    /** Secrets of the member's path, leaf first: entry k belongs to the ancestor k levels up. */
    private final Scalar[] pathSecrets;

    MemberView(PublicTree tree, long leafIndex, Scalar[] pathSecrets) {
        this.tree = tree;
        this.leafIndex = leafIndex;
        this.pathSecrets = pathSecrets;
    }

    /** A new group whose only member is the owner, at leaf 1. The secret must lie in [1, 2^252). */
    public static MemberView createGroup(Scalar ownerLeafSecret) {
        requirePathSecret(ownerLeafSecret);
        return new MemberView(PublicTree.singleLeaf(Cortado.multiplyGenerator(ownerLeafSecret)), 1,
                new Scalar[] {ownerLeafSecret});
    }

    /** The initial tree: the owner's leaf, then each initial member added in order by the placement rule. */
    public static MemberView createGroup(Scalar ownerLeafSecret, List<Scalar> initialMemberLeafSecrets)
            throws ArtException {
        MemberView view = createGroup(ownerLeafSecret);
        for (Scalar leafSecret : initialMemberLeafSecrets) {
            view = view.addMember(leafSecret).view();
        }
        return view;
    }

    /**
     * The view of a member who holds only its leaf secret and the public tree (an invitee). Checks that the
     * leaf is ACTIVE, that the secret matches the leaf key, and that every derived path secret matches the
     * tree's key for that node (the last one being the root).
     */
    public static MemberView join(PublicTree tree, long leafIndex, Scalar leafSecret) throws ArtException {
        TreeNode.Leaf leaf = tree.leaf(leafIndex);
        if (leaf.status() != LeafStatus.ACTIVE) {
            throw new WrongLeafStatusException("cannot join at a " + leaf.status() + " leaf");
        }
        if (!Cortado.multiplyGenerator(leafSecret).equals(leaf.key())) {
            throw new LeafKeyMismatchException("leaf secret does not match the key at leaf " + leafIndex);
        }
        List<CortadoPoint> coPath = tree.coPathKeys(leafIndex);
        Scalar[] secrets = new Scalar[coPath.size() + 1];
        secrets[0] = leafSecret;
        for (int level = 1; level < secrets.length; level++) {
            secrets[level] = PathMath.dh(secrets[level - 1], coPath.get(level - 1));
            if (!Cortado.multiplyGenerator(secrets[level]).equals(tree.find(leafIndex >>> level).key())) {
                throw new RootMismatchException("derived secret does not match the key of node "
                        + (leafIndex >>> level));
            }
        }
        return new MemberView(tree, leafIndex, secrets);
    }

    /**
     * Rebuilds a view from persisted state: the public tree, the member's leaf and its path secrets, leaf first.
     * {@link #join} cannot do this after an additive update (finalize removal), because the path secrets are
     * then sums that no longer follow from the leaf secret by the ratchet. Every secret is checked against the
     * key of its node, so state that does not fit its tree is refused.
     */
    public static MemberView restore(PublicTree tree, long leafIndex, List<Scalar> pathSecrets)
            throws ArtException {
        TreeNode.Leaf leaf = tree.leaf(leafIndex);
        if (leaf.status() == LeafStatus.BLANK) {
            throw new WrongLeafStatusException("cannot restore a member at a BLANK leaf");
        }
        int expected = HeapIndex.depth(leafIndex) + 1;
        if (pathSecrets.size() != expected) {
            throw new WrongPathLengthException("a member at leaf " + leafIndex + " holds " + expected
                    + " path secrets");
        }
        Scalar[] secrets = pathSecrets.toArray(new Scalar[0]);
        for (int k = 0; k < secrets.length; k++) {
            if (secrets[k].isZero()
                    || !Cortado.multiplyGenerator(secrets[k]).equals(tree.find(leafIndex >>> k).key())) {
                throw new RootMismatchException("restored secret does not match the key of node "
                        + (leafIndex >>> k));
            }
        }
        return new MemberView(tree, leafIndex, secrets);
    }

    /** The secrets of this member's path, leaf first: what {@link #restore} takes back. */
    public List<Scalar> pathSecrets() {
        return List.of(pathSecrets.clone());
    }

    /** Like {@link #join(PublicTree, long, Scalar)}, finding the leaf whose key matches the secret. */
    public static MemberView join(PublicTree tree, Scalar leafSecret) throws ArtException {
        CortadoPoint leafKey = Cortado.multiplyGenerator(leafSecret);
        for (PublicTree.NodeInfo node : tree.nodes()) {
            if (node.isLeaf() && node.key().equals(leafKey)) {
                return join(tree, node.index(), leafSecret);
            }
        }
        throw new LeafKeyMismatchException("no leaf of the tree has this secret's key");
    }

    // ---- accessors ----

    public PublicTree publicTree() {
        return tree;
    }

    public long leafIndex() {
        return leafIndex;
    }

    public boolean isOwner() {
        return leafIndex == tree.ownerLeafIndex();
    }

    /** The secret of this member's leaf (proves eligibility for key update and leave; add/remove if owner). */
    public Scalar leafSecret() {
        return pathSecrets[0];
    }

    /** The root secret: the tree key of the current epoch. */
    public Scalar treeKey() {
        return pathSecrets[pathSecrets.length - 1];
    }

    /** The secret of a node on this member's path. */
    public Scalar pathSecret(long nodeIndex) throws IndexOutOfRangeException {
        if (!HeapIndex.isValid(nodeIndex) || !HeapIndex.isAncestor(nodeIndex, leafIndex)) {
            throw new IndexOutOfRangeException("node " + nodeIndex + " is not on this member's path");
        }
        return pathSecrets[HeapIndex.depth(leafIndex) - HeapIndex.depth(nodeIndex)];
    }

    // ---- creating operations ----

    /** Replaces this member's leaf secret with a fresh one. */
    public CreatedBranch keyUpdate(SecureRandom random) throws ArtException {
        return BranchFactory.create(this, BranchChangeType.KEY_UPDATE, leafIndex, null, random);
    }

    /** Announces leaving: fresh leaf secret, leaf PENDING_REMOVAL until some member finalizes the removal. */
    public CreatedBranch leave(SecureRandom random) throws ArtException {
        return BranchFactory.create(this, BranchChangeType.LEAVE, leafIndex, null, random);
    }

    /** Owner only: adds a member whose leaf secret (from X3DH, or random) is given, at the placement target. */
    public CreatedBranch addMember(Scalar newLeafSecret) throws ArtException {
        requirePathSecret(newLeafSecret);
        return BranchFactory.create(this, BranchChangeType.ADD_MEMBER, tree.placementTarget(), newLeafSecret,
                null);
    }

    /** Owner only: replaces an ACTIVE member's leaf with a fresh secret and marks it BLANK. */
    public CreatedBranch removeMember(long target, SecureRandom random) throws ArtException {
        return BranchFactory.create(this, BranchChangeType.REMOVE_MEMBER, target, null, random);
    }

    /** Any member: additive update of a BLANK or PENDING_REMOVAL leaf's path, so nobody knows it any more. */
    public CreatedBranch finalizeRemoval(long target, SecureRandom random) throws ArtException {
        return BranchFactory.create(this, BranchChangeType.FINALIZE_REMOVAL, target, null, random);
    }

    /** Deterministic variant for test vectors: the given secret is the new leaf secret (or contribution). */
    CreatedBranch create(BranchChangeType type, long target, Scalar secret) throws ArtException {
        requirePathSecret(secret);
        return BranchFactory.create(this, type, target, secret, null);
    }

    // ---- receiving ----

    /**
     * Applies a branch change published by another member: validates it against the public tree, derives the
     * new secrets of this member's path, and checks that the derived root secret matches the published root.
     *
     * @throws NotAMemberException if the change removed this member (or replaced its leaf)
     */
    public MemberView apply(BranchChange change) throws ArtException {
        return advance(change, tree.apply(change), null);
    }

    /**
     * The view after a change: {@code createdSecrets} are the branch secrets if this member created the change
     * (its λ_j, or contributions for an additive change), or null if it only received it.
     */
    MemberView advance(BranchChange change, PublicTree next, Scalar[] createdSecrets) throws ArtException {
        long target = change.target();
        boolean shifted = change.type() == BranchChangeType.ADD_MEMBER && (target >>> 1) == leafIndex
                && !tree.contains(target);
        long newLeaf = shifted ? 2 * leafIndex : leafIndex;
        if (target == newLeaf) {
            if (createdSecrets == null || change.type().isAdditive()) {
                throw new NotAMemberException("the branch change replaced this member's leaf");
            }
            return new MemberView(next, newLeaf, createdSecrets.clone());
        }
        int myDepth = HeapIndex.depth(newLeaf);
        int depthGap = HeapIndex.depth(target) - myDepth; // target level = my level + gap
        int lcaLevel = myDepth - HeapIndex.depth(HeapIndex.lowestCommonAncestor(newLeaf, target));
        Scalar[] out = new Scalar[myDepth + 1];
        // Below the meeting point nothing changed; after an extension of this leaf only the leaf is kept.
        System.arraycopy(pathSecrets, 0, out, 0, shifted ? 1 : lcaLevel);
        boolean additive = change.type().isAdditive();
        Scalar previous = null;
        for (int level = lcaLevel; level <= myDepth; level++) {
            Scalar value;
            if (createdSecrets != null) {
                value = createdSecrets[level + depthGap];
            } else if (level == lcaLevel) {
                value = PathMath.dh(out[level - 1], change.pathKeys().get(level + depthGap - 1));
            } else {
                long child = newLeaf >>> (level - 1);
                value = PathMath.dh(previous, next.find(child ^ 1L).key());
            }
            previous = value;
            out[level] = additive ? pathSecrets[level].add(value) : value;
            // Defence in depth: every secret derived here (the root last) must match the published key.
            if (createdSecrets == null
                    && !Cortado.multiplyGenerator(out[level]).equals(next.find(newLeaf >>> level).key())) {
                throw new RootMismatchException(level == myDepth
                        ? "derived tree key does not match the published root key"
                        : "derived secret does not match the published key of node " + (newLeaf >>> level));
            }
        }
        return new MemberView(next, newLeaf, out);
    }

    private static void requirePathSecret(Scalar secret) {
        Objects.requireNonNull(secret);
        if (!PathMath.isPathSecret(secret)) {
            throw new IllegalArgumentException("leaf secrets must lie in [1, 2^252)");
        }
    }

    @Override
    public String toString() {
        return "MemberView[leaf=" + leafIndex + ", " + tree + ", secrets redacted]";
    }
}
