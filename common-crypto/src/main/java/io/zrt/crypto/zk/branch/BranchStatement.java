package io.zrt.crypto.zk.branch;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.HeapIndex;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.art.WrongPathLengthException;
import io.zrt.crypto.cortado.CortadoPoint;
import java.util.List;
import java.util.Objects;

/**
 * The public input of a branch proof: the frame's associated data ad, the published keys Q₀ (leaf) … Q_d
 * (root), and the co-path keys C₀ … C_{d−1}. For an additive change (finalize removal) the Qᵢ are the
 * published contributions, not the resulting node keys. Immutable.
 *
 * <p>Verifiers build it with {@link #of(BranchChange, PublicTree, byte[])} from their <em>own</em> tree as it
 * was before the change: the co-path is never taken from the sender.
 */
public final class BranchStatement {

    private final boolean additive;
    private final byte[] ad;
    private final List<CortadoPoint> pathKeys;
    private final List<CortadoPoint> coPathKeys;

    /**
     * @param additive   true for an additive change (the keys are contributions)
     * @param ad         the frame's associated data (any length; 32 bytes in the protocol)
     * @param pathKeys   Q₀ … Q_d, leaf first, none at infinity
     * @param coPathKeys C₀ … C_{d−1}, leaf level first, none at infinity
     */
    public BranchStatement(boolean additive, byte[] ad, List<CortadoPoint> pathKeys, List<CortadoPoint> coPathKeys) {
        this.additive = additive;
        this.ad = Objects.requireNonNull(ad, "ad").clone();
        this.pathKeys = List.copyOf(pathKeys);
        this.coPathKeys = List.copyOf(coPathKeys);
        if (this.pathKeys.size() != this.coPathKeys.size() + 1) {
            throw new IllegalArgumentException("a branch of depth d has d + 1 path keys and d co-path keys");
        }
        if (this.coPathKeys.size() > HeapIndex.MAX_DEPTH) {
            throw new IllegalArgumentException("branch deeper than " + HeapIndex.MAX_DEPTH);
        }
        for (CortadoPoint p : this.pathKeys) {
            requireFinite(p);
        }
        for (CortadoPoint p : this.coPathKeys) {
            requireFinite(p);
        }
    }

    /**
     * The statement for a branch change applied to {@code treeBefore}: the co-path comes from that tree
     * ({@link PublicTree#coPathKeys}, which also covers an add that extends a leaf), the keys from the change.
     *
     * @throws ArtException if the target is not a leaf or extension slot of the tree, or the path length is wrong
     */
    public static BranchStatement of(BranchChange change, PublicTree treeBefore, byte[] ad) throws ArtException {
        List<CortadoPoint> coPath = treeBefore.coPathKeys(change.target());
        if (change.pathKeys().size() != coPath.size() + 1) {
            throw new WrongPathLengthException("target at depth " + coPath.size() + " needs " + (coPath.size() + 1)
                    + " path keys, got " + change.pathKeys().size());
        }
        return new BranchStatement(change.type().isAdditive(), ad, change.pathKeys(), coPath);
    }

    private static void requireFinite(CortadoPoint p) {
        if (Objects.requireNonNull(p, "key").isInfinity()) {
            throw new IllegalArgumentException("a branch key cannot be the point at infinity");
        }
    }

    public boolean additive() {
        return additive;
    }

    public byte[] ad() {
        return ad.clone();
    }

    /** d: the number of co-path keys (the target's depth). */
    public int depth() {
        return coPathKeys.size();
    }

    public List<CortadoPoint> pathKeys() {
        return pathKeys;
    }

    public List<CortadoPoint> coPathKeys() {
        return coPathKeys;
    }

    byte[] adUnsafe() {
        return ad;
    }

    @Override
    public String toString() {
        return "BranchStatement[depth=" + depth() + (additive ? ", additive" : "") + "]";
    }
}
