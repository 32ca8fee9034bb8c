package io.zrt.crypto.zk.branch;

import io.zrt.crypto.art.BranchWitness;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.zk.R1csProver;
import io.zrt.crypto.zk.UnsatisfiedConstraintException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Proves a branch: the creator of a branch change, with the {@link BranchWitness} ART handed back. */
public final class BranchProver {

    private final SecureRandom random;

    public BranchProver() {
        this(new SecureRandom());
    }

    public BranchProver(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Proves the statement with the witness's secrets.
     *
     * @throws IllegalArgumentException        if the witness is for other keys or another co-path than the
     *                                         statement (a caller mistake: the proof could not verify)
     * @throws UnsatisfiedConstraintException if the secrets do not satisfy the relation (for ART-created
     *                                         branches only with a crafted co-path key that makes an honest
     *                                         step exceptional; see docs/zk.md)
     */
    public BranchProof prove(BranchStatement statement, BranchWitness witness) throws UnsatisfiedConstraintException {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(witness, "witness");
        if (!witness.pathKeys().equals(statement.pathKeys())) {
            throw new IllegalArgumentException("the witness is for other path keys than the statement");
        }
        if (!witness.coPathKeys().equals(statement.coPathKeys())) {
            throw new IllegalArgumentException("the witness was ratcheted over another co-path than the statement's");
        }
        if (witness.type().isAdditive() != statement.additive()) {
            throw new IllegalArgumentException("the witness and the statement disagree on the variant");
        }
        return prove(statement, witness.pathSecrets());
    }

    /**
     * Proves with explicit path secrets λ₀ … λ_d (for callers that ratchet themselves, e.g. benchmarks and
     * test vectors); the relation is checked before any proof work.
     */
    public BranchProof prove(BranchStatement statement, List<Scalar> pathSecrets) throws UnsatisfiedConstraintException {
        List<BigInteger> secrets = new ArrayList<>(pathSecrets.size());
        for (Scalar s : pathSecrets) {
            secrets.add(s.toBigInteger());
        }
        return proveIntegers(statement, secrets);
    }

    private BranchProof proveIntegers(BranchStatement statement, List<BigInteger> secrets)
            throws UnsatisfiedConstraintException {
        Objects.requireNonNull(statement, "statement");
        R1csProver prover = new R1csProver(BranchCircuit.transcript(statement), random);
        BranchCircuit.build(prover, statement, Optional.of(List.copyOf(secrets)));
        return new BranchProof(prover.prove());
    }

    @Override
    public String toString() {
        return "BranchProver";
    }
}
