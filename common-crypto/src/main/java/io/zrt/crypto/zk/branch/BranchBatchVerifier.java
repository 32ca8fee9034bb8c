package io.zrt.crypto.zk.branch;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.zk.BatchVerifier;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Verifies several branch proofs with one multi-scalar multiplication (random linear combination of their
 * verification equations; the shared generator part does not grow with the number of proofs). Use once:
 * {@link #add} each statement with its proof, then {@link #verify()}.
 */
public final class BranchBatchVerifier {

    private final BatchVerifier batch;
    private int size;

    public BranchBatchVerifier() {
        this(new SecureRandom());
    }

    public BranchBatchVerifier(SecureRandom random) {
        this.batch = new BatchVerifier(Objects.requireNonNull(random, "random"));
    }

    /**
     * Adds a statement and its encoded proof.
     *
     * @throws VerificationException at once if the bytes are malformed or sized for another depth
     */
    public void add(BranchStatement statement, byte[] encodedProof) throws VerificationException {
        add(statement, BranchVerifier.decode(statement, encodedProof));
    }

    public void add(BranchStatement statement, BranchProof proof) throws VerificationException {
        Objects.requireNonNull(proof, "proof");
        batch.add(BranchVerifier.statementVerifier(statement), proof.r1cs());
        size++;
    }

    public int size() {
        return size;
    }

    /** Checks every added proof; on failure the exception names the first bad one (0-based, order of add). */
    public void verify() throws VerificationException {
        batch.verify();
    }
}
