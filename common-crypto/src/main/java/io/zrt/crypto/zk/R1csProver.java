package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a circuit with its witness and proves it (Bulletproofs R1CS, Bünz et al. section 5).
 *
 * <p>Usage: create with a transcript into which the caller has already absorbed the statement's own public
 * inputs (the hook that binds a proof to its public data), {@link #commit} the secret inputs, run the gadget
 * code against this {@link ConstraintSystem}, then {@link #prove()}. The verifier does the same with
 * {@link R1csVerifier} and the commitments, in the same order. A prover is single-use.
 */
public final class R1csProver implements ConstraintSystem {

    /** The protocol label absorbed first by both sides. */
    static final String PROTOCOL_LABEL = "zrt/v1/zk/r1cs";

    private final ProofTranscript transcript;
    private final SecureRandom random;
    private final ConstraintRecorder constraints = new ConstraintRecorder();
    private final List<Scalar> values = new ArrayList<>();
    private final List<Scalar> blindings = new ArrayList<>();
    private final List<Scalar> left = new ArrayList<>();
    private final List<Scalar> right = new ArrayList<>();
    private int pendingAllocation = -1;
    private boolean used;

    public R1csProver(Transcript transcript) {
        this(transcript, new SecureRandom());
    }

    public R1csProver(Transcript transcript, SecureRandom random) {
        this.transcript = new ProofTranscript(Objects.requireNonNull(transcript, "transcript"));
        this.random = Objects.requireNonNull(random, "random");
        this.transcript.domainSeparator(PROTOCOL_LABEL);
    }

    /** Commits to a secret input with the given blinding factor; the commitment is absorbed. */
    public Commitment commit(Scalar value, Scalar blinding) {
        checkNotUsed();
        RistrettoPoint v = Msm.pedersen(value, blinding);
        transcript.appendPoint("V", v);
        values.add(value);
        blindings.add(blinding);
        return new Commitment(new Variable(Variable.Kind.COMMITTED, values.size() - 1), v);
    }

    /** Commits to a secret input with a fresh random blinding factor. */
    public Commitment commit(Scalar value) {
        return commit(value, Scalar.random(random));
    }

    @Override
    public Multiplication multiply(LinearCombination l, LinearCombination r) {
        Scalar lv = value(l);
        Scalar rv = value(r);
        Multiplication gate = newGate(lv, rv);
        constraints.add(l.minus(gate.left()));
        constraints.add(r.minus(gate.right()));
        return gate;
    }

    @Override
    public Multiplication allocateMultiplier(Optional<Scalar> l, Optional<Scalar> r) {
        return newGate(required(l), required(r));
    }

    @Override
    public Variable allocate(Optional<Scalar> value) {
        Scalar v = required(value);
        if (pendingAllocation >= 0) {
            int gate = pendingAllocation;
            pendingAllocation = -1;
            right.set(gate, v);
            return new Variable(Variable.Kind.RIGHT, gate);
        }
        Multiplication gate = newGate(v, Scalar.zero());
        pendingAllocation = gate.left().index();
        return gate.left();
    }

    @Override
    public void constrain(LinearCombination combination) {
        checkNotUsed();
        for (int t = 0; t < combination.size(); t++) {
            ConstraintRecorder.checkVariable(combination.variable(t), left.size(), values.size());
        }
        constraints.add(combination);
    }

    @Override
    public Optional<Scalar> evaluate(LinearCombination combination) {
        return Optional.of(value(combination));
    }

    @Override
    public int multiplierCount() {
        return left.size();
    }

    @Override
    public int constraintCount() {
        return constraints.size();
    }

    /** Throws if some linear constraint does not hold for the witness (gate outputs hold by construction). */
    public void checkSatisfied() throws UnsatisfiedConstraintException {
        int q = 0;
        for (LinearCombination lc : constraints.constraints()) {
            if (!value(lc).isZero()) {
                throw new UnsatisfiedConstraintException("constraint " + q + " is not satisfied");
            }
            q++;
        }
    }

    /** Checks the witness, then proves. The prover cannot be used afterwards. */
    public R1csProof prove() throws UnsatisfiedConstraintException {
        checkSatisfied();
        // Only a satisfying witness may use what the constraints say about wires (bits, constants).
        return prove(PublicWires.of(constraints, left.size()));
    }

    /** The recorded constraints (for tests of the wire classification). */
    ConstraintRecorder constraints() {
        return constraints;
    }

    /** For soundness tests only: proves whatever witness was given, satisfying or not. */
    R1csProof proveWithoutChecking() {
        return prove(PublicWires.allSecret(left.size()));
    }

    private R1csProof prove(PublicWires wires) {
        checkNotUsed();
        used = true;
        int n = left.size();
        Scalar[] aL = padded(left, n);
        Scalar[] aR = padded(right, n);
        Scalar[] aO = new Scalar[aL.length];
        for (int i = 0; i < aO.length; i++) {
            aO[i] = aL[i].multiply(aR[i]);
        }
        return R1csProofProtocol.prove(transcript, random, constraints, n, aL, aR, aO,
                values.toArray(Scalar[]::new), blindings.toArray(Scalar[]::new), wires);
    }

    private Multiplication newGate(Scalar l, Scalar r) {
        checkNotUsed();
        int i = left.size();
        left.add(l);
        right.add(r);
        return new Multiplication(new Variable(Variable.Kind.LEFT, i), new Variable(Variable.Kind.RIGHT, i),
                new Variable(Variable.Kind.OUTPUT, i));
    }

    private Scalar value(LinearCombination lc) {
        Scalar acc = Scalar.zero();
        for (int t = 0; t < lc.size(); t++) {
            acc = acc.add(Scalars.scaled(lc.coefficient(t), value(lc.variable(t))));
        }
        return acc;
    }

    private Scalar value(Variable v) {
        ConstraintRecorder.checkVariable(v, left.size(), values.size());
        return switch (v.kind()) {
            case ONE -> Scalar.one();
            case COMMITTED -> values.get(v.index());
            case LEFT -> left.get(v.index());
            case RIGHT -> right.get(v.index());
            case OUTPUT -> left.get(v.index()).multiply(right.get(v.index()));
        };
    }

    private static Scalar required(Optional<Scalar> value) {
        return value.orElseThrow(() -> new IllegalStateException("the prover needs a value for every witness"));
    }

    private static Scalar[] padded(List<Scalar> wires, int n) {
        int size = R1csProofProtocol.paddedSize(n);
        Scalar[] out = new Scalar[size];
        for (int i = 0; i < size; i++) {
            out[i] = i < n ? wires.get(i) : Scalar.zero();
        }
        return out;
    }

    private void checkNotUsed() {
        if (used) {
            throw new IllegalStateException("this prover has already produced its proof");
        }
    }

    @Override
    public String toString() {
        return "R1csProver[" + left.size() + " gates, " + values.size() + " commitments]";
    }
}
