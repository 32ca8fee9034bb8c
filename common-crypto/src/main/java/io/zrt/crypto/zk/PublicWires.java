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
    /** A secret input wire equal (by a copy constraint) to others: committed once for its whole class. */
    static final byte MERGED = 3;

    final byte[] left;
    final byte[] right;
    final byte[] output;
    /**
     * Classes of secret gate inputs that copy constraints (X − Y = 0) make equal, two or more members each:
     * input wire w is L_w for w < gates and R_(w − gates) otherwise. Empty unless the witness is checked.
     */
    final int[][] mergedClasses;

    private PublicWires(int gates) {
        this(gates, new int[0][]);
    }

    private PublicWires(int gates, int[][] mergedClasses) {
        left = new byte[gates];
        right = new byte[gates];
        output = new byte[gates];
        this.mergedClasses = mergedClasses;
    }

    /** Every wire secret: the classification used when the witness has not been checked. */
    static PublicWires allSecret(int gates) {
        return new PublicWires(gates);
    }

    static PublicWires of(ConstraintRecorder constraints, int gates) {
        PublicWires wires = new PublicWires(gates);
        int[] parent = new int[2 * gates];
        for (int w = 0; w < parent.length; w++) {
            parent[w] = w;
        }
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
            } else if (distinct == 2 && isCopy(vars, coefficients, constant)) {
                union(parent, inputWire(vars[0], gates), inputWire(vars[1], gates));
            }
        }
        for (int i = 0; i < gates; i++) {
            if (sumIsOne[i] && outputIsZero[i]) {
                wires.left[i] = wires.left[i] == CONSTANT ? CONSTANT : BIT;
                wires.right[i] = wires.right[i] == CONSTANT ? CONSTANT : BIT;
            }
        }
        return withClasses(wires, parent, gates);
    }

    /**
     * Spreads what is known about one member of a copy class to all (a copy of a constant is that constant,
     * a copy of a bit is a bit) and collects the remaining secret classes of two or more wires.
     */
    private static PublicWires withClasses(PublicWires wires, int[] parent, int gates) {
        int inputs = 2 * gates;
        byte[] classKind = new byte[inputs];
        int[] size = new int[inputs];
        for (int w = 0; w < inputs; w++) {
            int root = find(parent, w);
            size[root]++;
            byte kind = w < gates ? wires.left[w] : wires.right[w - gates];
            classKind[root] = (byte) Math.max(classKind[root], kind == CONSTANT ? 2 : kind == BIT ? 1 : 0);
        }
        java.util.Map<Integer, int[]> members = new java.util.LinkedHashMap<>();
        int[] filled = new int[inputs];
        for (int w = 0; w < inputs; w++) {
            int root = find(parent, w);
            if (size[root] < 2) {
                continue;
            }
            byte kind = classKind[root] == 2 ? CONSTANT : classKind[root] == 1 ? BIT : MERGED;
            if (w < gates) {
                wires.left[w] = kind;
            } else {
                wires.right[w - gates] = kind;
            }
            if (kind == MERGED) {
                members.computeIfAbsent(root, r -> new int[size[r]])[filled[root]++] = w;
            }
        }
        PublicWires out = new PublicWires(gates, members.values().toArray(new int[0][]));
        System.arraycopy(wires.left, 0, out.left, 0, gates);
        System.arraycopy(wires.right, 0, out.right, 0, gates);
        System.arraycopy(wires.output, 0, out.output, 0, gates);
        return out;
    }

    /** a·X − a·Y = 0 between two gate inputs (a ≠ 0, no constant). */
    private static boolean isCopy(Variable[] vars, Scalar[] coefficients, Scalar constant) {
        return constant.isZero() && !coefficients[0].isZero() && coefficients[0].add(coefficients[1]).isZero()
                && isInput(vars[0]) && isInput(vars[1]);
    }

    private static boolean isInput(Variable v) {
        return v.kind() == Variable.Kind.LEFT || v.kind() == Variable.Kind.RIGHT;
    }

    private static int inputWire(Variable v, int gates) {
        return v.kind() == Variable.Kind.LEFT ? v.index() : gates + v.index();
    }

    private static int find(int[] parent, int w) {
        while (parent[w] != w) {
            parent[w] = parent[parent[w]];
            w = parent[w];
        }
        return w;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** The value of each merged class: its first member's (all members are equal in a checked witness). */
    Scalar[] mergedValues(Scalar[] aL, Scalar[] aR, int gates) {
        Scalar[] out = new Scalar[mergedClasses.length];
        for (int k = 0; k < out.length; k++) {
            int w = mergedClasses[k][0];
            out[k] = w < gates ? aL[w] : aR[w - gates];
        }
        return out;
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
