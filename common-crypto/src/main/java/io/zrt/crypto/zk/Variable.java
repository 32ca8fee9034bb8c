package io.zrt.crypto.zk;

/**
 * A wire of a rank-1 constraint system: the constant one, a committed input, or one of the three wires of a
 * multiplication gate. Variables are public handles; their values live only in the prover.
 *
 * @param kind  what the variable is
 * @param index position among variables of the same kind (0 for {@link Kind#ONE})
 */
public record Variable(Kind kind, int index) {

    /** The constant 1: a linear combination's constant term is a multiple of it. */
    public static final Variable ONE = new Variable(Kind.ONE, 0);

    public Variable {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (index < 0 || (kind == Kind.ONE && index != 0)) {
            throw new IllegalArgumentException("bad variable index");
        }
    }

    public enum Kind {
        ONE,
        /** The value of a Pedersen commitment V_j given to the verifier. */
        COMMITTED,
        /** Left input a_L[i] of multiplication gate i. */
        LEFT,
        /** Right input a_R[i] of multiplication gate i. */
        RIGHT,
        /** Output a_O[i] = a_L[i]·a_R[i] of multiplication gate i. */
        OUTPUT
    }
}
