package io.zrt.bench.zk;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;
import io.zrt.crypto.zk.Commitment;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Multiplication;
import io.zrt.crypto.zk.R1csProof;
import io.zrt.crypto.zk.R1csProver;
import io.zrt.crypto.zk.R1csVerifier;
import io.zrt.crypto.zk.Scalars;
import io.zrt.crypto.zk.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark statement of exactly {@code gates} multiplication gates over 4 committed inputs: a chain
 * wᵢ = (wᵢ₋₁ + i)·v_(i mod 4), two linking constraints per gate, and a final public-value constraint.
 */
final class BenchCircuit {

    static final String LABEL = "zrt/bench/zk";
    private static final int INPUTS = 4;

    final int gates;
    final List<RistrettoPoint> commitments = new ArrayList<>();
    Scalar finalValue;
    R1csProof proof;

    BenchCircuit(int gates) {
        this.gates = gates;
    }

    private void build(ConstraintSystem cs, List<Variable> inputs) {
        LinearCombination acc = LinearCombination.constant(1);
        for (int i = 0; i < gates; i++) {
            Multiplication m = cs.multiply(acc.plusConstant(Scalars.of(i)), LinearCombination.of(inputs.get(i % INPUTS)));
            acc = LinearCombination.of(m.output());
        }
        if (finalValue == null) {
            finalValue = cs.evaluate(acc).orElseThrow();
        }
        cs.constrain(acc.minusConstant(finalValue));
    }

    /** Builds and proves with fresh inputs; keeps the proof and commitments for verification. */
    R1csProof prove(long seed) throws CryptoException {
        R1csProver prover = new R1csProver(Transcript.create(LABEL));
        List<Variable> vars = new ArrayList<>();
        commitments.clear();
        finalValue = null;
        for (int j = 0; j < INPUTS; j++) {
            Commitment c = prover.commit(Scalars.of(seed * 31 + j + 2));
            vars.add(c.variable());
            commitments.add(c.point());
        }
        build(prover, vars);
        proof = prover.prove();
        return proof;
    }

    /** The verifier's statement for the last proof. */
    R1csVerifier statement() {
        R1csVerifier verifier = new R1csVerifier(Transcript.create(LABEL));
        List<Variable> vars = new ArrayList<>();
        for (RistrettoPoint v : commitments) {
            vars.add(verifier.commit(v));
        }
        build(verifier, vars);
        return verifier;
    }
}
