package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.Scalar;

/**
 * What the constraints alone (public, the same for every witness) say about the gate wires, so that the
 * prover's commitments can spend constant-time work only where a value is really secret:
 * <ul>
 *   <li>{@link #CONSTANT}: a constraint c·w + k = 0 on that single wire fixes w = −k/c for every satisfying
 *   witness, so its value is public and may go through a variable-time multiplication;</li>
 *   <li>{@link #BIT}: gate i with the constraints L_i + R_i − 1 = 0 and O_i = 0 (the boolean gadget's
 *   shape) has L_i·(1 − L_i) = 0, so both inputs are 0 or 1 for every satisfying witness: one masked
 *   selection and one addition instead of 64;</li>
 *   <li>{@link #SECRET}: everything else.</li>
 * </ul>
 * The classification is a function of the circuit only, so the time it saves reveals nothing about the
 * witness. It is sound only for a witness that satisfies the constraints, which {@link R1csProver#prove()}
 * checks first; the unchecked test path does not use it.
 */
final class PublicWires {

    static final byte SECRET = 0;
    static final byte BIT = 1;
    static final byte CONSTANT = 2;

    final byte[] left;
    final byte[] right;
    final byte[] output;

    private PublicWires(int gates) {
        left = new byte[gates];
        right = new byte[gates];
        output = new byte[gates];
    }

    /** Every wire secret: the classification used when the witness has not been checked. */
    static PublicWires allSecret(int gates) {
        return new PublicWires(gates);
    }

    static PublicWires of(ConstraintRecorder constraints, int gates) {
        PublicWires wires = new PublicWires(gates);
        boolean[] sumIsOne = new boolean[gates];
        boolean[] outputIsZero = new boolean[gates];
        Variable[] vars = new Variable[2];
        Scalar[] coefficients = new Scalar[2];
        for (LinearCombination lc : constraints.constraints()) {
            int distinct = 0;
            Scalar constant = Scalar.zero();
            boolean tooMany = false;
            for (int t = 0; t < lc.size() && !tooMany; t++) {
                Variable v = lc.variable(t);
                Scalar c = lc.coefficient(t);
                if (v.kind() == Variable.Kind.ONE) {
                    constant = constant.add(c);
                    continue;
                }
                int at = 0;
                while (at < distinct && !vars[at].equals(v)) {
                    at++;
                }
                if (at < distinct) {
                    coefficients[at] = coefficients[at].add(c);
                } else if (distinct == vars.length) {
                    tooMany = true;
                } else {
                    vars[distinct] = v;
                    coefficients[distinct++] = c;
                }
            }
            if (tooMany) {
                continue;
            }
            if (distinct == 1 && !coefficients[0].isZero()) {
                mark(wires, vars[0], CONSTANT);
                if (vars[0].kind() == Variable.Kind.OUTPUT && constant.isZero()) {
                    outputIsZero[vars[0].index()] = true;
                }
            } else if (distinct == 2 && isLeftPlusRightIsOne(vars, coefficients, constant)) {
                sumIsOne[vars[0].index()] = true;
            }
        }
        for (int i = 0; i < gates; i++) {
            if (sumIsOne[i] && outputIsZero[i]) {
                wires.left[i] = wires.left[i] == CONSTANT ? CONSTANT : BIT;
                wires.right[i] = wires.right[i] == CONSTANT ? CONSTANT : BIT;
            }
        }
        return wires;
    }

    /** c·L_i + c·R_i − c = 0 for one gate i (in either order), c ≠ 0. */
    private static boolean isLeftPlusRightIsOne(Variable[] vars, Scalar[] coefficients, Scalar constant) {
        Variable a = vars[0];
        Variable b = vars[1];
        if (a.index() != b.index() || coefficients[0].isZero() || !coefficients[0].equals(coefficients[1])
                || !constant.equals(coefficients[0].negate())) {
            return false;
        }
        return (a.kind() == Variable.Kind.LEFT && b.kind() == Variable.Kind.RIGHT)
                || (a.kind() == Variable.Kind.RIGHT && b.kind() == Variable.Kind.LEFT);
    }

    private static void mark(PublicWires wires, Variable v, byte kind) {
        switch (v.kind()) {
            case LEFT -> wires.left[v.index()] = kind;
            case RIGHT -> wires.right[v.index()] = kind;
            case OUTPUT -> wires.output[v.index()] = kind;
            default -> {
                // a committed input fixed by a constraint is not a gate wire
            }
        }
    }

    int count(byte[] wires, byte kind) {
        int c = 0;
        for (byte w : wires) {
            c += w == kind ? 1 : 0;
        }
        return c;
    }
}
