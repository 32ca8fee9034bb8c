package io.zrt.crypto.zk;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.ristretto.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies many R1CS proofs with one multi-scalar multiplication: each proof's verification equation is
 * multiplied by an independent random weight (the first by 1, applied while the equation is formed) and the
 * equations are added, so the Gᵢ/Hᵢ/B/B̃ part of the
 * multiplication is shared and only the proofs' own points add terms. A batch containing an invalid proof
 * passes with probability at most about 1/ℓ per bad proof.
 *
 * <p>Usage: build each statement on its own {@link R1csVerifier} (circuit and commitments), {@link #add} it
 * with its proof, then {@link #verify()} once.
 */
public final class BatchVerifier {

    private final SecureRandom random;
    private final List<VerificationEquation> equations = new ArrayList<>();

    public BatchVerifier() {
        this(new SecureRandom());
    }

    public BatchVerifier(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Adds a statement (its verifier is consumed) and its proof; structural mismatches throw at once. */
    public void add(R1csVerifier statement, R1csProof proof) throws VerificationException {
        Scalar weight = Scalar.one();
        while (!equations.isEmpty() && (weight.equals(Scalar.one()) || weight.isZero())) {
            weight = Scalar.random(random);
        }
        equations.add(statement.prepare(proof, random, weight));
    }

    public int size() {
        return equations.size();
    }

    /**
     * Checks every added proof at once. If the batch fails, the proofs are checked one by one so that the
     * exception names the first bad one.
     */
    public void verify() throws VerificationException {
        if (equations.isEmpty()) {
            return;
        }
        if (MultiEquation.combine(equations).isIdentity()) {
            return;
        }
        for (int k = 0; k < equations.size(); k++) {
            if (!equations.get(k).holds()) {
                throw new VerificationException("proof " + k + " of the batch does not verify");
            }
        }
        throw new VerificationException("batch does not verify");
    }
}
