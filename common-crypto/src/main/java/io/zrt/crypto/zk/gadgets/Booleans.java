package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Multiplication;
import io.zrt.crypto.zk.Variable;
import java.util.Optional;

/** Boolean variables: one multiplication gate b·(1 − b) = 0 each. */
public final class Booleans {

    private Booleans() {
    }

    /** Allocates a variable constrained to 0 or 1 (one gate; the gate's left wire is the bit). */
    public static Variable allocateBit(ConstraintSystem cs, Optional<Boolean> bit) {
        Optional<Scalar> b = bit.map(v -> v ? Scalar.one() : Scalar.zero());
        Multiplication gate = cs.allocateMultiplier(b, b.map(v -> Scalar.one().subtract(v)));
        // right = 1 − left, and left·right = 0: the only solutions are left ∈ {0, 1}.
        cs.constrain(LinearCombination.of(gate.left()).plus(gate.right()).minusConstant(Scalar.one()));
        cs.constrain(LinearCombination.of(gate.output()));
        return gate.left();
    }

    /** Constrains an existing combination to be 0 or 1 (one gate). */
    public static void constrainBoolean(ConstraintSystem cs, LinearCombination value) {
        Multiplication gate = cs.multiply(value, LinearCombination.constant(Scalar.one()).minus(value));
        cs.constrain(LinearCombination.of(gate.output()));
    }
}
