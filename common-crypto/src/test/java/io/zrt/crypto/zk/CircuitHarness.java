package io.zrt.crypto.zk;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;

/** Runs one gadget circuit on both sides: prover (with witness) and verifier (public data only). */
final class CircuitHarness {

    interface Circuit {
        void build(ConstraintSystem cs, List<Variable> committed);
    }

    private static final String LABEL = "zrt/test/gadgets";

    private CircuitHarness() {
    }

    /** The prover side, built but not proved (to inspect satisfiability or gate counts). */
    static R1csProver prover(List<Scalar> secrets, Circuit circuit, List<RistrettoPoint> commitmentsOut) {
        R1csProver prover = new R1csProver(Transcript.create(LABEL));
        List<Variable> vars = new ArrayList<>();
        for (Scalar s : secrets) {
            Commitment c = prover.commit(s);
            vars.add(c.variable());
            commitmentsOut.add(c.point());
        }
        circuit.build(prover, vars);
        return prover;
    }

    static void verify(List<RistrettoPoint> commitments, Circuit circuit, R1csProof proof)
            throws VerificationException {
        R1csVerifier verifier = new R1csVerifier(Transcript.create(LABEL));
        List<Variable> vars = new ArrayList<>();
        for (RistrettoPoint v : commitments) {
            vars.add(verifier.commit(v));
        }
        circuit.build(verifier, vars);
        verifier.verify(proof);
    }

    /** Proves honestly (throws if unsatisfied) and verifies. */
    static void proveAndVerify(List<Scalar> secrets, Circuit circuit) throws Exception {
        List<RistrettoPoint> commitments = new ArrayList<>();
        R1csProof proof = prover(secrets, circuit, commitments).prove();
        verify(commitments, circuit, proof);
    }

    /** Forces a proof of an unsatisfied witness and returns it with its commitments (for soundness tests). */
    static R1csProof forcedProof(List<Scalar> secrets, Circuit circuit, List<RistrettoPoint> commitmentsOut) {
        return prover(secrets, circuit, commitmentsOut).proveWithoutChecking();
    }
}
