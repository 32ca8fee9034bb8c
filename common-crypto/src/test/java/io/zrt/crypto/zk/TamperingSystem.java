package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.Scalar;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A malicious prover's view: delegates to a real constraint system but replaces the witness values of chosen
 * {@link #allocateMultiplier} calls, as a cheating prover free to pick any assignment would.
 */
final class TamperingSystem implements ConstraintSystem {

    private final ConstraintSystem delegate;
    private final Map<Integer, Scalar[]> replacements = new HashMap<>();
    private int allocations;

    TamperingSystem(ConstraintSystem delegate) {
        this.delegate = delegate;
    }

    /** Replaces the (left, right) values of the given allocateMultiplier call (0-based; null keeps a value). */
    TamperingSystem replace(int call, Scalar left, Scalar right) {
        replacements.put(call, new Scalar[] {left, right});
        return this;
    }

    @Override
    public Multiplication multiply(LinearCombination left, LinearCombination right) {
        return delegate.multiply(left, right);
    }

    @Override
    public Multiplication allocateMultiplier(Optional<Scalar> left, Optional<Scalar> right) {
        Scalar[] r = replacements.get(allocations++);
        if (r != null) {
            left = r[0] != null ? Optional.of(r[0]) : left;
            right = r[1] != null ? Optional.of(r[1]) : right;
        }
        return delegate.allocateMultiplier(left, right);
    }

    @Override
    public Variable allocate(Optional<Scalar> value) {
        return delegate.allocate(value);
    }

    @Override
    public void constrain(LinearCombination combination) {
        delegate.constrain(combination);
    }

    @Override
    public Optional<Scalar> evaluate(LinearCombination combination) {
        return delegate.evaluate(combination);
    }

    @Override
    public int multiplierCount() {
        return delegate.multiplierCount();
    }

    @Override
    public int constraintCount() {
        return delegate.constraintCount();
    }
}
