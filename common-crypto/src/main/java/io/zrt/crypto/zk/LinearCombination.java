package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.Scalar;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable linear combination Σ cᵢ·vᵢ of variables (the constant term is a multiple of
 * {@link Variable#ONE}). Terms are kept as added; repeated variables are summed when the constraint system
 * is flattened, so no normalisation is needed here.
 */
public final class LinearCombination {

    private static final LinearCombination ZERO = new LinearCombination(new Variable[0], new Scalar[0]);

    private final Variable[] variables;
    private final Scalar[] coefficients;

    private LinearCombination(Variable[] variables, Scalar[] coefficients) {
        this.variables = variables;
        this.coefficients = coefficients;
    }

    public static LinearCombination zero() {
        return ZERO;
    }

    public static LinearCombination of(Variable variable) {
        return of(variable, Scalar.one());
    }

    public static LinearCombination of(Variable variable, Scalar coefficient) {
        return new LinearCombination(new Variable[] {Objects.requireNonNull(variable)},
                new Scalar[] {Objects.requireNonNull(coefficient)});
    }

    public static LinearCombination constant(Scalar value) {
        return of(Variable.ONE, value);
    }

    /** A small constant, negative values allowed (taken modulo ℓ). */
    public static LinearCombination constant(long value) {
        return constant(Scalars.of(value));
    }

    public static Builder builder() {
        return new Builder();
    }

    public LinearCombination plus(LinearCombination other) {
        if (other.variables.length == 0) {
            return this;
        }
        if (variables.length == 0) {
            return other;
        }
        Variable[] v = Arrays.copyOf(variables, variables.length + other.variables.length);
        Scalar[] c = Arrays.copyOf(coefficients, v.length);
        System.arraycopy(other.variables, 0, v, variables.length, other.variables.length);
        System.arraycopy(other.coefficients, 0, c, variables.length, other.variables.length);
        return new LinearCombination(v, c);
    }

    public LinearCombination plus(Variable variable) {
        return plus(of(variable));
    }

    public LinearCombination plus(Variable variable, Scalar coefficient) {
        return plus(of(variable, coefficient));
    }

    public LinearCombination plusConstant(Scalar value) {
        return plus(constant(value));
    }

    public LinearCombination minus(LinearCombination other) {
        return plus(other.negate());
    }

    public LinearCombination minus(Variable variable) {
        return plus(of(variable, Scalar.one().negate()));
    }

    public LinearCombination minusConstant(Scalar value) {
        return plus(constant(value.negate()));
    }

    public LinearCombination times(Scalar factor) {
        Scalar[] c = new Scalar[coefficients.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = coefficients[i].multiply(factor);
        }
        return new LinearCombination(variables, c);
    }

    public LinearCombination negate() {
        Scalar[] c = new Scalar[coefficients.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = coefficients[i].negate();
        }
        return new LinearCombination(variables, c);
    }

    public int size() {
        return variables.length;
    }

    public Variable variable(int term) {
        return variables[term];
    }

    public Scalar coefficient(int term) {
        return coefficients[term];
    }

    @Override
    public String toString() {
        return "LinearCombination[" + variables.length + " terms]";
    }

    /** Accumulates many terms without the copying of repeated {@link #plus} calls. */
    public static final class Builder {
        private Variable[] variables = new Variable[8];
        private Scalar[] coefficients = new Scalar[8];
        private int size;

        private Builder() {
        }

        public Builder add(Variable variable, Scalar coefficient) {
            if (size == variables.length) {
                variables = Arrays.copyOf(variables, size * 2);
                coefficients = Arrays.copyOf(coefficients, size * 2);
            }
            variables[size] = Objects.requireNonNull(variable);
            coefficients[size] = Objects.requireNonNull(coefficient);
            size++;
            return this;
        }

        public Builder add(Variable variable) {
            return add(variable, Scalar.one());
        }

        public Builder add(LinearCombination combination) {
            for (int i = 0; i < combination.size(); i++) {
                add(combination.variable(i), combination.coefficient(i));
            }
            return this;
        }

        public Builder addConstant(Scalar value) {
            return add(Variable.ONE, value);
        }

        public LinearCombination build() {
            return new LinearCombination(Arrays.copyOf(variables, size), Arrays.copyOf(coefficients, size));
        }
    }
}
