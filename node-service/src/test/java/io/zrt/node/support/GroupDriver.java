package io.zrt.node.support;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.HeapIndex;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.NotAMemberException;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.GroupOperation;
import io.zrt.protocol.rules.ArtBranches;
import io.zrt.protocol.rules.BranchProofs;
import io.zrt.protocol.rules.Eligibility;
import io.zrt.protocol.rules.FrameDigests;
import io.zrt.protocol.rules.Frames;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.OperationKind;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every client of one group, as far as the Node's tests need them: the driver holds an ART {@link MemberView}
 * per member, creates branch changes with the ART library and the frames with {@link Frames}, and on
 * {@link #accept} moves every member on — the creator to the view it created, everybody else by applying the
 * change (which checks the derived root against the published one). Builders return a {@link Pending} frame,
 * so a test can also build frames it expects to be refused without disturbing the state; for changes the ART
 * library itself refuses to create (wrong placement, wrong leaf status) the driver writes the branch by hand.
 */
public final class GroupDriver {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NO_BRANCH_PROOF = new byte[0];

    private final GroupId id;
    private final CortadoKeyPair ownerIdentity;
    private final Map<Long, Scalar> treeKeyHistory = new HashMap<>();
    /** Each member's own view, keyed by its current leaf. */
    private Map<Long, MemberView> members = new HashMap<>();
    private long epoch;
    private boolean proveBranches = true;

    /** How the members' views change when the Node takes the frame. */
    @FunctionalInterface
    public interface MembersUpdate {
        Map<Long, MemberView> apply(Map<Long, MemberView> before) throws ArtException;
    }

    /** A frame ready to send, and the state it leads to if the Node accepts it. */
    public record Pending(byte[] bytes, long epochAfter, MembersUpdate update) {
    }

    private GroupDriver(GroupId id, CortadoKeyPair ownerIdentity) {
        this.id = id;
        this.ownerIdentity = ownerIdentity;
    }

    public static GroupDriver create() {
        return new GroupDriver(GroupId.random(RANDOM), CortadoKeyPair.generate(RANDOM));
    }

    /**
     * An independent driver in the same state (same group id, keys and epoch): lets a test class make a group's
     * frames, proofs included, once and replay them before every test instead of proving again. Member views
     * are immutable, so sharing them is safe.
     */
    public GroupDriver copy() {
        GroupDriver copy = new GroupDriver(id, ownerIdentity);
        copy.treeKeyHistory.putAll(treeKeyHistory);
        copy.members = new HashMap<>(members);
        copy.epoch = epoch;
        copy.proveBranches = proveBranches;
        return copy;
    }

    /**
     * Stops attaching branch proofs (they cost seconds each): for tests that apply frames to the state without
     * the Node, which never checks them.
     */
    public GroupDriver withoutBranchProofs() {
        proveBranches = false;
        return this;
    }

    /** A fresh leaf secret in [1, 2^252), as the ART library requires. */
    public static Scalar freshLeafSecret() {
        while (true) {
            BigInteger candidate = new BigInteger(252, RANDOM);
            if (candidate.signum() > 0) {
                return Scalar.of(candidate);
            }
        }
    }

    public GroupId id() {
        return id;
    }

    public long epoch() {
        return epoch;
    }

    public MemberView owner() {
        return members.values().stream().filter(MemberView::isOwner).findFirst().orElseThrow();
    }

    public PublicTree tree() {
        return owner().publicTree();
    }

    public Scalar treeKey() {
        return owner().treeKey();
    }

    public CortadoKeyPair ownerIdentity() {
        return ownerIdentity;
    }

    public long ownerLeaf() {
        return tree().ownerLeafIndex();
    }

    public Scalar leafSecret(long leaf) {
        MemberView member = members.get(leaf);
        return member == null ? null : member.leafSecret();
    }

    /** The init frame: a single-leaf tree holding the owner, signed with the owner identity key. */
    public Pending init() {
        MemberView owner = MemberView.createGroup(freshLeafSecret());
        FrameTBS tbs = tbs(0, Frames.init(ownerIdentity.publicKey(), owner.publicTree()));
        return new Pending(Frames.signInit(tbs, ownerIdentity).toByteArray(), 0,
                before -> Map.of(owner.leafIndex(), owner));
    }

    /** A plain frame at the current epoch, signed with the tree key (or with {@code signer} when given). */
    public Pending plain(Scalar signer) {
        FrameTBS tbs = tbs(epoch, null);
        return new Pending(Frames.signPlain(tbs, CortadoKeyPair.fromSecret(signer != null ? signer : treeKey()))
                .toByteArray(), epoch, before -> before);
    }

    public Pending plain() {
        return plain(null);
    }

    public Pending addMember() throws Exception {
        return branchOperation(OperationKind.ADD_MEMBER, tree().placementTarget(), ownerLeaf(), null);
    }

    public Pending keyUpdate(long leaf) throws Exception {
        return branchOperation(OperationKind.KEY_UPDATE, leaf, leaf, null);
    }

    public Pending removeMember(long leaf) throws Exception {
        return branchOperation(OperationKind.REMOVE_MEMBER, leaf, ownerLeaf(), null);
    }

    public Pending leave(long leaf) throws Exception {
        return branchOperation(OperationKind.LEAVE_GROUP, leaf, leaf, null);
    }

    public Pending finalizeRemoval(long leaf) throws Exception {
        return branchOperation(OperationKind.FINALIZE_REMOVAL, leaf, Eligibility.ROOT, null);
    }

    /**
     * Any branch operation on {@code target}, proven by {@code proverNode} with {@code proverSecret} (null: the
     * secret the driver holds for that node). Created by the member the protocol names (owner for add and
     * remove and finalize, the leaf's holder for update and leave) with the ART library when it agrees;
     * otherwise written by hand with random path keys, a frame only fit to be refused.
     */
    public Pending branchOperation(OperationKind kind, long target, long proverNode, Scalar proverSecret)
            throws Exception {
        MemberView creator = switch (kind) {
            case KEY_UPDATE, LEAVE_GROUP -> members.get(target);
            default -> owner();
        };
        CreatedBranch created = null;
        Scalar newcomerSecret = null;
        if (creator != null) {
            try {
                created = switch (kind) {
                    case ADD_MEMBER -> target == tree().placementTarget()
                            ? creator.addMember(newcomerSecret = freshLeafSecret()) : null;
                    case KEY_UPDATE -> creator.keyUpdate(RANDOM);
                    case LEAVE_GROUP -> creator.leave(RANDOM);
                    case REMOVE_MEMBER -> creator.removeMember(target, RANDOM);
                    case FINALIZE_REMOVAL -> creator.finalizeRemoval(target, RANDOM);
                    default -> throw new IllegalArgumentException(kind.toString());
                };
            } catch (ArtException refusedByTheLibrary) {
                created = null;
            }
        }
        BranchChange change = created != null ? created.change() : handWritten(kind, target);
        FrameTBS tbs = tbs(epoch + 1, ArtBranches.operation(change));
        Scalar secret = proverSecret != null ? proverSecret : secretOf(proverNode);
        // A real branch proof for every branch the library created (over the tree before it, as the Node
        // takes it); hand-written branches have no ratchet to prove and are refused before the proof matters.
        byte[] branchProof = created != null && proveBranches
                ? Frames.branchProof(tbs, creator.publicTree(), created.witness()) : NO_BRANCH_PROOF;
        byte[] frame = Frames.proveOperation(tbs, proverNode, CortadoKeyPair.fromSecret(secret), branchProof)
                .toByteArray();
        return new Pending(frame, epoch + 1, created == null ? refusedOnly(kind)
                : advance(creator.leafIndex(), created, newcomerSecret));
    }

    /** A key update whose path was altered after proving: the desynchronisation attack. */
    public record Forged(Pending pending, BranchChange forgedChange) {
    }

    /**
     * The desynchronisation attack: member {@code leaf} (eligible, holding its leaf key) makes an honest key
     * update, then replaces the key at {@code forgedLevel} (0 = leaf) by another valid point. The path is no
     * longer a ratchet of one secret, so members whose own path meets it at different levels derive different
     * tree keys. The frame carries the eligibility proof and {@code branchProof} (for instance the proof of
     * the honest path, or none).
     */
    public Forged desynchronisingKeyUpdate(long leaf, int forgedLevel, boolean attachHonestProof) throws Exception {
        MemberView creator = members.get(leaf);
        CreatedBranch honest = creator.keyUpdate(RANDOM);
        List<CortadoPoint> keys = new ArrayList<>(honest.change().pathKeys());
        keys.set(forgedLevel, Cortado.multiplyGenerator(freshLeafSecret()));
        BranchChange forged = new BranchChange(honest.change().type(), honest.change().target(), keys);
        FrameTBS tbs = tbs(epoch + 1, ArtBranches.operation(forged));
        byte[] branchProof = NO_BRANCH_PROOF;
        if (attachHonestProof) {
            // The honest path's proof, bound to this very frame's ad: it proves the keys the sender did not publish.
            branchProof = BranchProofs.prove(honest.change(), creator.publicTree(),
                    FrameDigests.associatedData(tbs.toByteArray()), honest.witness());
        }
        byte[] frame = Frames.proveOperation(tbs, leaf, CortadoKeyPair.fromSecret(creator.leafSecret()), branchProof)
                .toByteArray();
        return new Forged(new Pending(frame, epoch + 1, refusedOnly(OperationKind.KEY_UPDATE)), forged);
    }

    /** Every member's current view (keyed by leaf), for tests that apply changes themselves. */
    public Map<Long, MemberView> members() {
        return Map.copyOf(members);
    }

    public Pending drop() {
        FrameTBS tbs = tbs(epoch + 1, Frames.drop());
        return new Pending(Frames.proveOperation(tbs, ownerLeaf(), CortadoKeyPair.fromSecret(owner().leafSecret()),
                NO_BRANCH_PROOF).toByteArray(), epoch + 1, before -> before);
    }

    /** Moves every member to what the Node now holds, and checks that they all agree. */
    public void accept(Pending pending) {
        try {
            members = pending.update().apply(members);
        } catch (ArtException e) {
            throw new AssertionError("a member could not apply an accepted frame", e);
        }
        epoch = pending.epochAfter();
        PublicTree tree = tree();
        Scalar treeKey = treeKey();
        for (MemberView member : members.values()) {
            if (!member.publicTree().equals(tree) || !member.treeKey().equals(treeKey)) {
                throw new AssertionError("members disagree after epoch " + epoch);
            }
        }
        if (!Cortado.multiplyGenerator(treeKey).equals(tree.rootKey())) {
            throw new AssertionError("tree key does not match the root key");
        }
        treeKeyHistory.put(epoch, treeKey);
    }

    /** The tree key the group had at an earlier (or the current) epoch. */
    public Scalar treeKeyAt(long atEpoch) {
        return treeKeyHistory.get(atEpoch);
    }

    /** The secret of a node the driver knows: the root (tree key) or a member's leaf. */
    public Scalar secretOf(long node) {
        return node == Eligibility.ROOT ? treeKey() : leafSecret(node);
    }

    public FrameTBS tbs(long frameEpoch, GroupOperation op) {
        byte[] payload = new byte[48];
        RANDOM.nextBytes(payload);
        return Frames.withPayload(Frames.header(id, frameEpoch, Frames.newNonce(RANDOM), op), payload);
    }

    private static MembersUpdate advance(long creatorLeaf, CreatedBranch created, Scalar newcomerSecret) {
        BranchChange change = created.change();
        return before -> {
            Map<Long, MemberView> after = new HashMap<>();
            for (Map.Entry<Long, MemberView> entry : before.entrySet()) {
                MemberView next;
                if (entry.getKey() == creatorLeaf) {
                    next = created.view();
                } else {
                    try {
                        next = entry.getValue().apply(change);
                    } catch (NotAMemberException removed) {
                        continue;
                    }
                }
                after.put(next.leafIndex(), next);
            }
            if (newcomerSecret != null) {
                MemberView newcomer = MemberView.join(created.view().publicTree(), change.target(), newcomerSecret);
                after.put(newcomer.leafIndex(), newcomer);
            }
            return after;
        };
    }

    private static MembersUpdate refusedOnly(OperationKind kind) {
        return before -> {
            throw new AssertionError("a hand-written " + kind + " was built to be refused");
        };
    }

    /** Random valid points, one per level: the right shape, but no ratchet behind it. */
    private static BranchChange handWritten(OperationKind kind, long target) {
        List<CortadoPoint> keys = new ArrayList<>();
        for (int i = 0; i <= HeapIndex.depth(target); i++) {
            keys.add(Cortado.multiplyGenerator(freshLeafSecret()));
        }
        return new BranchChange(ArtBranches.typeOf(kind), target, keys);
    }
}
