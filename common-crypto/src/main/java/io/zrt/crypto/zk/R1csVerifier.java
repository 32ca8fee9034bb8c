package io.zrt.crypto.zk;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds a circuit from public data and checks a proof for it. Create with a transcript that has absorbed
 * exactly what the prover's transcript absorbed (the statement's public inputs), add the commitments in the
 * prover's order, run the same gadget code, then {@link #verify}. A verifier is single-use.
 */
public final class R1csVerifier implements ConstraintSystem {

    private final ProofTranscript transcript;
    private final ConstraintRecorder constraints = new ConstraintRecorder();
    private final List<RistrettoPoint> commitments = new ArrayList<>();
    private int gates;
    private int pendingAllocation = -1;
    private boolean used;

    public R1csVerifier(Transcript transcript) {
        this.transcript = new ProofTranscript(Objects.requireNonNull(transcript, "transcript"));
        this.transcript.domainSeparator(R1csProver.PROTOCOL_LABEL);
    }

    /** Registers the next commitment V_j (absorbed) and returns its variable. */
    public Variable commit(RistrettoPoint commitment) {
        checkNotUsed();
        transcript.appendPoint("V", Objects.requireNonNull(commitment));
        commitments.add(commitment);
        return new Variable(Variable.Kind.COMMITTED, commitments.size() - 1);
    }

    @Override
    public Multiplication multiply(LinearCombination left, LinearCombination right) {
        Multiplication gate = newGate();
        constrain(left.minus(gate.left()));
        constrain(right.minus(gate.right()));
        return gate;
    }

    @Override
    public Multiplication allocateMultiplier(Optional<Scalar> left, Optional<Scalar> right) {
        return newGate();
    }

    @Override
    public Variable allocate(Optional<Scalar> value) {
        if (pendingAllocation >= 0) {
            int gate = pendingAllocation;
            pendingAllocation = -1;
            return new Variable(Variable.Kind.RIGHT, gate);
        }
        Multiplication gate = newGate();
        pendingAllocation = gate.left().index();
        return gate.left();
    }

    @Override
    public void constrain(LinearCombination combination) {
        checkNotUsed();
        for (int t = 0; t < combination.size(); t++) {
            ConstraintRecorder.checkVariable(combination.variable(t), gates, commitments.size());
        }
        constraints.add(combination);
    }

    @Override
    public Optional<Scalar> evaluate(LinearCombination combination) {
        return Optional.empty();
    }

    @Override
    public int multiplierCount() {
        return gates;
    }

    @Override
    public int constraintCount() {
        return constraints.size();
    }

    /** Checks the proof; throws if it does not prove this circuit under this transcript. */
    public void verify(R1csProof proof) throws VerificationException {
        if (!prepare(proof, new SecureRandom(), Scalar.one()).holds()) {
            throw new VerificationException("R1CS proof does not verify");
        }
    }

    /** Decodes strictly and verifies; malformed bytes are reported as a failed verification. */
    public void verify(byte[] encodedProof) throws VerificationException {
        R1csProof proof;
        try {
            proof = R1csProof.decode(encodedProof);
        } catch (io.zrt.crypto.InvalidEncodingException ex) {
            throw new VerificationException("malformed R1CS proof", ex);
        }
        verify(proof);
    }

    /**
     * Replays the transcript and turns the proof into its randomised verification equation, multiplied by a
     * non-zero batch weight. Consumes this verifier.
     */
    VerificationEquation prepare(R1csProof proof, SecureRandom random, Scalar weight)
            throws VerificationException {
        checkNotUsed();
        used = true;
        Objects.requireNonNull(proof, "proof");
        return R1csVerification.equation(transcript, constraints, commitments, gates, proof, random, weight);
    }

    private Multiplication newGate() {
        checkNotUsed();
        int i = gates++;
        return new Multiplication(new Variable(Variable.Kind.LEFT, i), new Variable(Variable.Kind.RIGHT, i),
                new Variable(Variable.Kind.OUTPUT, i));
    }

    private void checkNotUsed() {
        if (used) {
            throw new IllegalStateException("this verifier has already checked its proof");
        }
    }

    @Override
    public String toString() {
        return "R1csVerifier[" + gates + " gates, " + commitments.size() + " commitments]";
    }
}
