package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.Scalar;
import java.util.Optional;

/**
 * What a circuit (gadget) sees while it is being built, identically on the prover and the verifier side, so
 * that one piece of gadget code defines the statement for both. Witness values are {@link Optional}: present
 * in the prover, always empty in the verifier; gadgets compute their auxiliary witnesses with
 * {@link Optional#map} and never branch on whether a value is present, so both sides lay down the same
 * gates and constraints.
 */
public interface ConstraintSystem {

    /**
     * Allocates a multiplication gate whose left and right inputs are constrained to equal the given linear
     * combinations; the gate's output wire is their product.
     */
    Multiplication multiply(LinearCombination left, LinearCombination right);

    /** Allocates a gate with free inputs (values from the prover; empty in the verifier). */
    Multiplication allocateMultiplier(Optional<Scalar> left, Optional<Scalar> right);

    /**
     * Allocates one free variable. Two consecutive calls share one gate (as its left and right inputs), so
     * unconstrained allocations cost half a gate each.
     */
    Variable allocate(Optional<Scalar> value);

    /** Adds the linear constraint {@code combination = 0}. */
    void constrain(LinearCombination combination);

    /** The value of a combination: present in the prover, empty in the verifier. */
    Optional<Scalar> evaluate(LinearCombination combination);

    /** Number of multiplication gates allocated so far. */
    int multiplierCount();

    /** Number of linear constraints added so far. */
    int constraintCount();
}
