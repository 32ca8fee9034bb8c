package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded random circuit that the prover and the verifier build identically: gates over earlier variables,
 * free allocations, and linear constraints whose public constants the prover computes from its witness and
 * the verifier receives (as a statement's public inputs would be). Always satisfiable.
 */
final class RandomCircuit {

    private final long seed;
    private final int gates;
    final List<Scalar> publicConstants = new ArrayList<>();

    RandomCircuit(long seed, int gates) {
        this.seed = seed;
        this.gates = gates;
    }

    /** Builds the circuit over the committed variables; the prover records constants, the verifier reads them. */
    void build(ConstraintSystem cs, List<Variable> committed) {
        Random rng = new Random(seed);
        List<Variable> known = new ArrayList<>(committed);
        known.add(Variable.ONE);
        int constantIndex = 0;
        int built = 0;
        while (cs.multiplierCount() < gates) {
            int kind = rng.nextInt(4);
            if (kind <= 1 || known.size() < 3) {
                Multiplication m = cs.multiply(randomCombination(rng, known), randomCombination(rng, known));
                known.add(m.output());
                known.add(m.left());
            } else if (kind == 2) {
                Variable v = cs.allocate(cs.evaluate(randomCombination(rng, known)));
                known.add(v);
            } else {
                Optional<Scalar> l = cs.evaluate(randomCombination(rng, known));
                Optional<Scalar> r = cs.evaluate(randomCombination(rng, known));
                Multiplication m = cs.allocateMultiplier(l, r);
                known.add(m.output());
                known.add(m.right());
            }
            if (rng.nextBoolean()) {
                LinearCombination lc = randomCombination(rng, known);
                Optional<Scalar> value = cs.evaluate(lc);
                Scalar constant;
                if (value.isPresent()) {
                    constant = value.get();
                    publicConstants.add(constant);
                } else {
                    constant = publicConstants.get(constantIndex++);
                }
                cs.constrain(lc.minusConstant(constant));
            }
            built++;
        }
    }

    private static LinearCombination randomCombination(Random rng, List<Variable> known) {
        LinearCombination.Builder b = LinearCombination.builder();
        int terms = 1 + rng.nextInt(3);
        for (int t = 0; t < terms; t++) {
            b.add(known.get(rng.nextInt(known.size())), Scalars.of(rng.nextInt(2001) - 1000));
        }
        return b.build();
    }
}
