package io.zrt.crypto.zk.branch;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.zk.R1csVerifier;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies one branch proof against a statement the verifier built itself ({@link BranchStatement#of}).
 * Throws on every failure; malformed bytes are a failed verification. Stateless and thread-safe.
 */
public final class BranchVerifier {

    private BranchVerifier() {
    }

    /** Decodes strictly (exact length for the statement's depth) and verifies. */
    public static void verify(BranchStatement statement, byte[] encodedProof) throws VerificationException {
        verify(statement, decode(statement, encodedProof));
    }

    public static void verify(BranchStatement statement, BranchProof proof) throws VerificationException {
        Objects.requireNonNull(proof, "proof");
        statementVerifier(statement).verify(proof.r1cs());
    }

    /** The engine's verifier with the statement's transcript and circuit, ready for one proof. */
    static R1csVerifier statementVerifier(BranchStatement statement) {
        R1csVerifier verifier = new R1csVerifier(BranchCircuit.transcript(Objects.requireNonNull(statement)));
        BranchCircuit.build(verifier, statement, Optional.empty());
        return verifier;
    }

    static BranchProof decode(BranchStatement statement, byte[] encodedProof) throws VerificationException {
        try {
            return BranchProof.decode(encodedProof, statement.depth());
        } catch (InvalidEncodingException e) {
            throw new VerificationException("malformed branch proof: " + e.getMessage(), e);
        }
    }
}
