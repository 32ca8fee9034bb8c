package io.zrt.crypto.art;

import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.util.List;

/**
 * Everything a branch prover needs about a branch this member created: the path secrets λ_0 ... λ_d (leaf
 * first, each in [1, 2^252)), the co-path keys C_0 ... C_{d-1} they were ratcheted over, and the published
 * keys Q_j = λ_j · G. For an additive change the λ_j are the contribution secrets. Holds secrets: never
 * log it, and drop it once the proof is made; {@link #toString()} shows no values.
 */
public final class BranchWitness {

    private final BranchChangeType type;
    private final long target;
    private final List<Scalar> pathSecrets;
    private final List<CortadoPoint> coPathKeys;
    private final List<CortadoPoint> pathKeys;

    BranchWitness(BranchChangeType type, long target, List<Scalar> pathSecrets, List<CortadoPoint> coPathKeys,
                  List<CortadoPoint> pathKeys) {
        this.type = type;
        this.target = target;
        this.pathSecrets = List.copyOf(pathSecrets);
        this.coPathKeys = List.copyOf(coPathKeys);
        this.pathKeys = List.copyOf(pathKeys);
    }

    public BranchChangeType type() {
        return type;
    }

    public long target() {
        return target;
    }

    /** d: the number of co-path keys. */
    public int depth() {
        return coPathKeys.size();
    }

    /** λ_0 (leaf) ... λ_d (root). */
    public List<Scalar> pathSecrets() {
        return pathSecrets;
    }

    /** C_0 ... C_{d-1}: the co-path keys of the tree before the change, leaf level first. */
    public List<CortadoPoint> coPathKeys() {
        return coPathKeys;
    }

    /** Q_0 ... Q_d: the keys the branch change publishes. */
    public List<CortadoPoint> pathKeys() {
        return pathKeys;
    }

    @Override
    public String toString() {
        return "BranchWitness[" + type + ", target=" + target + ", depth=" + depth() + ", secrets redacted]";
    }
}
