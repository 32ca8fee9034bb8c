package io.zrt.node.support;

import com.google.protobuf.ByteString;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.node.trees.BranchApplier;
import io.zrt.node.trees.PublicTree;
import io.zrt.node.trees.PublicTreeCodec;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.DropGroup;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.InitGroup;
import io.zrt.protocol.rules.FrameDigests;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.OperationKind;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The client side of a group, as far as the Node's tests need it: leaf secrets, ratchet paths
 * (λ_parent = ι(λ_child · PK_sibling)), the tree key, and correctly signed and proven frames. Builders return
 * a {@link Pending} frame; {@link #accept} moves the local state on once the Node has taken the frame, so a
 * test can also build frames it expects to be refused without disturbing its state.
 */
public final class GroupDriver {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GroupId id;
    private final CortadoKeyPair ownerIdentity;
    private final Map<Integer, Scalar> leafSecrets = new HashMap<>();
    private final Map<Long, Scalar> treeKeyHistory = new HashMap<>();
    private PublicTree tree;
    private Scalar treeKey;
    private long epoch;

    /** A frame ready to send, and the state it leads to if the Node accepts it. */
    public record Pending(byte[] bytes, PublicTree treeAfter, Scalar treeKeyAfter, Map<Integer, Scalar> leafChanges,
            long epochAfter) {
    }

    private GroupDriver(GroupId id, CortadoKeyPair ownerIdentity) {
        this.id = id;
        this.ownerIdentity = ownerIdentity;
    }

    public static GroupDriver create() {
        return new GroupDriver(GroupId.random(RANDOM), CortadoKeyPair.generate(RANDOM));
    }

    public GroupId id() {
        return id;
    }

    public long epoch() {
        return epoch;
    }

    public PublicTree tree() {
        return tree;
    }

    public Scalar treeKey() {
        return treeKey;
    }

    public CortadoKeyPair ownerIdentity() {
        return ownerIdentity;
    }

    public int ownerLeaf() {
        return tree.ownerLeaf();
    }

    public Scalar leafSecret(int leaf) {
        return leafSecrets.get(leaf);
    }

    /** The init frame: a single-leaf tree holding the owner, signed with the owner identity key. */
    public Pending init() {
        Scalar ownerLeaf = Scalar.randomNonZero(RANDOM);
        PublicTree single = PublicTree.singleLeaf(Cortado.multiplyGenerator(ownerLeaf));
        GroupOperation op = GroupOperation.newBuilder().setInit(InitGroup.newBuilder()
                .setOwnerIdentityKey(ByteString.copyFrom(ownerIdentity.publicKey().encode()))
                .setPublicTree(ByteString.copyFrom(PublicTreeCodec.encode(single)))).build();
        FrameTBS tbs = tbs(0, op);
        byte[] sig = Schnorr.sign(FrameDigests.associatedData(tbs.toByteArray()), ownerIdentity);
        Frame frame = Frame.newBuilder().setTbs(tbs.toByteString())
                .setProof(ArtProof.newBuilder().setEligibility(ByteString.copyFrom(sig)).build().toByteString()).build();
        return new Pending(frame.toByteArray(), single, ownerLeaf, Map.of(1, ownerLeaf), 0);
    }

    /** A plain frame at the current epoch, signed with the tree key (or with {@code signer} when given). */
    public Pending plain(Scalar signer) {
        FrameTBS tbs = tbs(epoch, null);
        byte[] sig = Schnorr.sign(FrameDigests.associatedData(tbs.toByteArray()),
                CortadoKeyPair.fromSecret(signer != null ? signer : treeKey));
        Frame frame = Frame.newBuilder().setTbs(tbs.toByteString()).setProof(ByteString.copyFrom(sig)).build();
        return new Pending(frame.toByteArray(), tree, treeKey, Map.of(), epoch);
    }

    public Pending plain() {
        return plain(null);
    }

    public Pending addMember() throws Exception {
        return branchOperation(OperationKind.ADD_MEMBER, tree.placementTarget(), ownerLeaf(), null);
    }

    public Pending keyUpdate(int leaf) throws Exception {
        return branchOperation(OperationKind.KEY_UPDATE, leaf, leaf, null);
    }

    public Pending removeMember(int leaf) throws Exception {
        return branchOperation(OperationKind.REMOVE_MEMBER, leaf, ownerLeaf(), null);
    }

    public Pending leave(int leaf) throws Exception {
        return branchOperation(OperationKind.LEAVE_GROUP, leaf, leaf, null);
    }

    public Pending finalizeRemoval(int leaf) throws Exception {
        return branchOperation(OperationKind.FINALIZE_REMOVAL, leaf, PublicTree.ROOT, null);
    }

    /** Any branch operation, proven by {@code proverNode} with {@code proverSecret} (null: the driver's own). */
    public Pending branchOperation(OperationKind kind, int target, int proverNode, Scalar proverSecret) throws Exception {
        Scalar fresh = Scalar.randomNonZero(RANDOM);
        PublicTree current = tree;
        boolean extension = kind == OperationKind.ADD_MEMBER && !tree.contains(target);
        // On an extension the sibling of the new leaf is the old leaf, moved down with its key.
        IntFunction<CortadoPoint> keyOf = node -> extension && node == target - 1 ? current.key(target >>> 1)
                : current.key(node);
        List<Scalar> secrets = path(keyOf, target, fresh);
        BranchChange.Builder change = BranchChange.newBuilder().setTarget(target);
        for (Scalar s : secrets) {
            change.addPathKeys(ByteString.copyFrom(Cortado.multiplyGenerator(s).encode()));
        }
        Scalar rootSecret = secrets.get(secrets.size() - 1);
        Scalar newTreeKey = kind == OperationKind.FINALIZE_REMOVAL ? treeKey.add(rootSecret) : rootSecret;
        Map<Integer, Scalar> leafChanges = new HashMap<>();
        if (kind != OperationKind.FINALIZE_REMOVAL) {
            leafChanges.put(target, fresh);
        }
        if (kind == OperationKind.ADD_MEMBER && !tree.contains(target)) {
            leafChanges.put(target - 1, leafSecrets.get(target >>> 1));
        }
        GroupOperation.Builder op = GroupOperation.newBuilder();
        switch (kind) {
            case ADD_MEMBER -> op.setAddMember(change);
            case REMOVE_MEMBER -> op.setRemoveMember(change);
            case FINALIZE_REMOVAL -> op.setFinalizeRemoval(change);
            case KEY_UPDATE -> op.setKeyUpdate(change);
            case LEAVE_GROUP -> op.setLeaveGroup(change);
            default -> throw new IllegalArgumentException(kind.toString());
        }
        FrameTBS tbs = tbs(epoch + 1, op.build());
        Frame frame = proven(tbs, proverNode, proverSecret);
        PublicTree after;
        try {
            after = BranchApplier.apply(tree, kind, change.build());
        } catch (io.zrt.protocol.rules.FrameRejectedException invalidOnPurpose) {
            after = null; // a frame a test expects the Node to refuse; it is never accepted
        }
        return new Pending(frame.toByteArray(), after, newTreeKey, leafChanges, epoch + 1);
    }

    public Pending drop() {
        FrameTBS tbs = tbs(epoch + 1, GroupOperation.newBuilder().setDropGroup(DropGroup.getDefaultInstance()).build());
        return new Pending(proven(tbs, ownerLeaf(), null).toByteArray(), tree, treeKey, Map.of(), epoch + 1);
    }

    /** Moves the local state to what the Node now holds. */
    public void accept(Pending pending) {
        tree = pending.treeAfter();
        treeKey = pending.treeKeyAfter();
        leafSecrets.putAll(pending.leafChanges());
        epoch = pending.epochAfter();
        treeKeyHistory.put(epoch, treeKey);
    }

    /** The tree key the group had at an earlier (or the current) epoch. */
    public Scalar treeKeyAt(long atEpoch) {
        return treeKeyHistory.get(atEpoch);
    }

    /** The secret of a node the driver knows: the root (tree key) or a leaf. */
    public Scalar secretOf(int node) {
        return node == PublicTree.ROOT ? treeKey : leafSecrets.get(node);
    }

    private Frame proven(FrameTBS tbs, int proverNode, Scalar proverSecret) {
        Scalar secret = proverSecret != null ? proverSecret : secretOf(proverNode);
        byte[] sig = Schnorr.sign(FrameDigests.associatedData(tbs.toByteArray()), CortadoKeyPair.fromSecret(secret));
        ArtProof proof = ArtProof.newBuilder().setProverNode(proverNode).setEligibility(ByteString.copyFrom(sig)).build();
        return Frame.newBuilder().setTbs(tbs.toByteString()).setProof(proof.toByteString()).build();
    }

    public FrameTBS tbs(long frameEpoch, GroupOperation op) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] payload = new byte[48];
        RANDOM.nextBytes(payload);
        FrameTBS.Builder b = FrameTBS.newBuilder().setGroupId(ByteString.copyFrom(id.toBytes())).setEpoch(frameEpoch)
                .setNonce(ByteString.copyFrom(nonce)).setProtectedPayload(ByteString.copyFrom(payload));
        if (op != null) {
            b.setGroupOperation(op);
        }
        return b.build();
    }

    /** λ₀ = the fresh leaf secret; λᵢ₊₁ = ι(λᵢ · PK(sibling of node i)), from the target up to the root. */
    static List<Scalar> path(IntFunction<CortadoPoint> keyOf, int target, Scalar leafSecret) {
        List<Scalar> secrets = new ArrayList<>();
        Scalar current = leafSecret;
        secrets.add(current);
        for (int node = target; node > 1; node >>>= 1) {
            CortadoPoint sibling = keyOf.apply(node ^ 1);
            current = sibling.multiply(current).iota();
            secrets.add(current);
        }
        return secrets;
    }

}
