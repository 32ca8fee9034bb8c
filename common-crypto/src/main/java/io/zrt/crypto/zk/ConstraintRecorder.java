package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The linear constraints of a circuit, as recorded by either side, and their flattening into the weight
 * vectors of the Bulletproofs R1CS argument.
 *
 * <p>A constraint is a combination required to be zero: Σ wL·a_L + wR·a_R + wO·a_O + Σ c_V·v + k = 0. In the
 * paper's form W_L·a_L + W_R·a_R + W_O·a_O = W_V·v + c this means W_V = −c_V and c = −k. Constraint q
 * (counting from 1) is weighted by z^q.
 */
final class ConstraintRecorder {

    private final List<LinearCombination> constraints = new ArrayList<>();

    void add(LinearCombination combination) {
        constraints.add(combination);
    }

    int size() {
        return constraints.size();
    }

    List<LinearCombination> constraints() {
        return constraints;
    }

    /** The z-weighted sums of all constraints, over {@code paddedGates} gates and {@code commitments} inputs. */
    Weights flatten(Scalar z, int paddedGates, int commitments) {
        Scalar[] wL = filledZero(paddedGates);
        Scalar[] wR = filledZero(paddedGates);
        Scalar[] wO = filledZero(paddedGates);
        Scalar[] wV = filledZero(commitments);
        Scalar wc = Scalar.zero();
        Scalar zq = Scalar.one();
        for (LinearCombination lc : constraints) {
            zq = zq.multiply(z);
            for (int t = 0; t < lc.size(); t++) {
                Variable v = lc.variable(t);
                Scalar weighted = Scalars.scaled(lc.coefficient(t), zq);
                int i = v.index();
                switch (v.kind()) {
                    case LEFT -> wL[i] = wL[i].add(weighted);
                    case RIGHT -> wR[i] = wR[i].add(weighted);
                    case OUTPUT -> wO[i] = wO[i].add(weighted);
                    case COMMITTED -> wV[i] = wV[i].subtract(weighted);
                    case ONE -> wc = wc.subtract(weighted);
                    default -> throw new IllegalStateException("unknown variable kind");
                }
            }
        }
        return new Weights(wL, wR, wO, wV, wc);
    }

    private static Scalar[] filledZero(int n) {
        Scalar[] out = new Scalar[n];
        Arrays.fill(out, Scalar.zero());
        return out;
    }

    /** Checks that every variable a constraint mentions exists (catches gadget bugs early). */
    static void checkVariable(Variable v, int gates, int commitments) {
        int bound = switch (v.kind()) {
            case ONE -> 1;
            case COMMITTED -> commitments;
            case LEFT, RIGHT, OUTPUT -> gates;
        };
        if (v.index() >= bound) {
            throw new IllegalArgumentException("variable " + v + " does not exist in this constraint system");
        }
    }

    /** Flattened weights: paper's z^Q·W_L, z^Q·W_R, z^Q·W_O, z^Q·W_V and ⟨z^Q, c⟩. */
    record Weights(Scalar[] wL, Scalar[] wR, Scalar[] wO, Scalar[] wV, Scalar wc) {
    }
}
