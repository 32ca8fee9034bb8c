package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.Multiplication;
import io.zrt.crypto.zk.Scalars;
import io.zrt.crypto.zk.Variable;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The canonical binary decomposition of a circuit value into k ≤ 252 boolean variables with
 * Σ bⱼ·2ʲ = value (k gates and one linear constraint). Because Σ bⱼ·2ʲ < 2^k ≤ 2²⁵² < ℓ, the sum never wraps
 * modulo ℓ: the bits are the unique binary digits of the value, and the decomposition doubles as a range
 * check value < 2^k.
 *
 * <p>Make it once per secret and hand the same object to every gadget that multiplies by that secret: every
 * use then provably sees the same integer (the flaw this design removes is one decomposition per use, in
 * more bits than are canonical, which lets a prover use λ in one place and λ + ℓ in another). Products of
 * adjacent bit pairs, used by 2-bit windows, are also made once and shared.
 */
public final class BitDecomposition {

    /** The largest bit count for which the decomposition is canonical (2²⁵² < ℓ < 2²⁵³). */
    public static final int MAX_BITS = 252;

    private final ConstraintSystem owner;
    private final LinearCombination value;
    private final Variable[] bits;
    private final Variable[] pairProducts;

    private BitDecomposition(ConstraintSystem owner, LinearCombination value, Variable[] bits) {
        this.owner = owner;
        this.value = value;
        this.bits = bits;
        this.pairProducts = new Variable[(bits.length + 1) / 2];
    }

    /** Decomposes the value's canonical integer (the prover's witness) into {@code bitCount} bits. */
    public static BitDecomposition decompose(ConstraintSystem cs, LinearCombination value, int bitCount) {
        return decompose(cs, value, bitCount, cs.evaluate(value).map(Scalars::toBigInteger));
    }

    /**
     * Decomposes with the bits of the given integer as witness. Only integers in [0, 2^bitCount) equal to
     * the value satisfy the constraints; anything else (for instance value + ℓ) leaves the system
     * unsatisfied.
     */
    public static BitDecomposition decompose(ConstraintSystem cs, LinearCombination value, int bitCount,
            Optional<BigInteger> integer) {
        BitDecomposition fresh = allocate(cs, integer, bitCount);
        cs.constrain(fresh.value.minus(value));
        return new BitDecomposition(cs, value, fresh.bits);
    }

    /**
     * Allocates {@code bitCount} fresh bits whose weighted sum <em>is</em> the value (no separate variable and
     * no recomposition constraint): for a secret that has no other definition in the circuit, such as the
     * leaf secret of a branch proof. The value is in [0, 2^bitCount) by construction.
     */
    public static BitDecomposition allocate(ConstraintSystem cs, Optional<BigInteger> integer, int bitCount) {
        if (bitCount < 1 || bitCount > MAX_BITS) {
            throw new IllegalArgumentException("bit count must be in [1, " + MAX_BITS + "]");
        }
        Variable[] bits = new Variable[bitCount];
        LinearCombination.Builder sum = LinearCombination.builder();
        Scalar power = Scalar.one();
        Scalar two = Scalar.fromLong(2);
        for (int j = 0; j < bitCount; j++) {
            int index = j;
            bits[j] = Booleans.allocateBit(cs, integer.map(v -> v.testBit(index)));
            sum.add(bits[j], power);
            power = power.multiply(two);
        }
        return new BitDecomposition(cs, sum.build(), bits);
    }

    public LinearCombination value() {
        return value;
    }

    public int bitCount() {
        return bits.length;
    }

    public Variable bit(int j) {
        return bits[j];
    }

    /** Number of 2-bit windows (the last one has a single bit when the count is odd). */
    public int windowCount() {
        return pairProducts.length;
    }

    /**
     * b₂ᵥ·b₂ᵥ₊₁ for window w (one gate, made on first use and shared by every later user). For a window with
     * a single bit there is no product.
     */
    public Variable pairProduct(ConstraintSystem cs, int window) {
        if (cs != owner) {
            throw new IllegalArgumentException("decomposition belongs to another constraint system");
        }
        if (2 * window + 1 >= bits.length) {
            throw new IllegalArgumentException("window " + window + " has no bit pair");
        }
        if (pairProducts[window] == null) {
            Multiplication m = cs.multiply(LinearCombination.of(bits[2 * window]),
                    LinearCombination.of(bits[2 * window + 1]));
            pairProducts[window] = m.output();
        }
        return pairProducts[window];
    }

    ConstraintSystem owner() {
        return owner;
    }
}
