package io.zrt.crypto.zk.branch;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.transcript.Transcript;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.gadgets.BitDecomposition;
import io.zrt.crypto.zk.gadgets.CircuitPoint;
import io.zrt.crypto.zk.gadgets.CortadoGadgets;
import io.zrt.crypto.zk.gadgets.ScalarMultiplication;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The branch relation as constraints, identical for prover and verifier: for every level i,
 * Qᵢ = λᵢ·G, and for i &lt; d, λᵢ₊₁ = x(λᵢ·Cᵢ), each λᵢ an integer in [0, 2²⁵²).
 *
 * <p>Each λᵢ has exactly one 252-bit decomposition, and the same bits (and bit monomials) drive both of its
 * multiplications. λ₀ is defined by its bits; for i ≥ 1 the bits of λᵢ are tied by one linear constraint to
 * the x-coordinate of chain B of level i − 1, which is how the ratchet ι enters the circuit (x &lt; ℓ and the
 * bit sum &lt; 2²⁵² &lt; ℓ, so the equation holds over the integers, not just modulo ℓ). See docs/branch-proof.md.
 */
public final class BranchCircuit {

    /** Bits per path secret: canonical because 2²⁵² &lt; ℓ. */
    public static final int SECRET_BITS = BitDecomposition.MAX_BITS;

    /** Transcript label of the statement (before the engine's own messages). */
    static final String LABEL = "zrt/v1/branch-proof";

    /**
     * Gates of a level with both chains and of the root level (chain A only): 252 booleans, 84 × 4 window
     * monomials, and per chain 82 three-gate additions and one four-gate addition.
     */
    public static final int GATES_PER_LEVEL = 1_088;
    public static final int GATES_ROOT_LEVEL = 838;

    private BranchCircuit() {
    }

    /** Multiplication gates of the circuit for a branch of depth d (before padding to a power of two). */
    public static int gateCount(int depth) {
        return depth * GATES_PER_LEVEL + GATES_ROOT_LEVEL;
    }

    /**
     * The transcript both sides start from: the label, then the variant (0 replace, 1 additive), ad, d, every
     * Qᵢ and every Cᵢ. The proof engine then absorbs its own messages.
     */
    public static Transcript transcript(BranchStatement statement) {
        Transcript t = Transcript.create(LABEL);
        t.appendMessage("variant", new byte[] {(byte) (statement.additive() ? 1 : 0)});
        t.appendMessage("ad", statement.adUnsafe());
        t.appendU64("d", statement.depth());
        for (CortadoPoint q : statement.pathKeys()) {
            t.appendMessage("Q", q.encode());
        }
        for (CortadoPoint c : statement.coPathKeys()) {
            t.appendMessage("C", c.encode());
        }
        return t;
    }

    /**
     * Lays down the circuit. {@code secrets} holds λ₀ … λ_d in the prover (taken as given: a wrong or
     * out-of-range witness leaves the system unsatisfied) and is empty in the verifier.
     */
    public static void build(ConstraintSystem cs, BranchStatement statement, Optional<List<BigInteger>> secrets) {
        int d = statement.depth();
        if (secrets.isPresent() && secrets.get().size() != d + 1) {
            throw new IllegalArgumentException("a branch of depth d has d + 1 secrets");
        }
        BitDecomposition lambda = BitDecomposition.allocate(cs, secret(secrets, 0), SECRET_BITS);
        for (int i = 0; ; i++) {
            // Chain A: the published key of this level.
            CircuitPoint published = ScalarMultiplication.fixedBase(cs, lambda, Cortado.G);
            CortadoGadgets.assertEquals(cs, published, statement.pathKeys().get(i));
            if (i == d) {
                return;
            }
            // Chain B with the same bits: λᵢ·Cᵢ, whose x-coordinate is the next secret.
            CircuitPoint shared = ScalarMultiplication.fixedBase(cs, lambda, statement.coPathKeys().get(i));
            lambda = BitDecomposition.decompose(cs, shared.x(), SECRET_BITS, secret(secrets, i + 1));
        }
    }

    private static Optional<BigInteger> secret(Optional<List<BigInteger>> secrets, int i) {
        return secrets.map(s -> s.get(i));
    }
}
