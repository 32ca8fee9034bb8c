package io.zrt.crypto.zk.gadgets;

import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
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
 * more bits than are canonical, which lets a prover use λ in one place and λ + ℓ in another). The products
 * of the bits of each {@value #WINDOW_BITS}-bit window, used by windowed multiplications, are also made once
 * and shared by every multiplication by this secret.
 */
public final class BitDecomposition {

    /** The largest bit count for which the decomposition is canonical (2²⁵² < ℓ < 2²⁵³). */
    public static final int MAX_BITS = 252;

    /** Width of the windows of {@link #windowMonomials}: 3 bits, 8 table entries per window. */
    public static final int WINDOW_BITS = 3;

    private final ConstraintSystem owner;
    private final LinearCombination value;
    private final Variable[] bits;
    private final Variable[][] monomials;

    private BitDecomposition(ConstraintSystem owner, LinearCombination value, Variable[] bits) {
        this.owner = owner;
        this.value = value;
        this.bits = bits;
        this.monomials = new Variable[(bits.length + WINDOW_BITS - 1) / WINDOW_BITS][];
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

    /** Number of {@value #WINDOW_BITS}-bit windows (the last one is shorter when the count is not a multiple). */
    public int windowCount() {
        return monomials.length;
    }

    /** Bits in a window: {@value #WINDOW_BITS}, or fewer for the last one. */
    public int windowWidth(int window) {
        return Math.min(WINDOW_BITS, bits.length - window * WINDOW_BITS);
    }

    /**
     * Every product of a non-empty subset of the window's bits, indexed by the subset as a bit mask (entry m
     * is the product of the bits j with bit j of m set; entry 0 is {@link Variable#ONE}). Single bits cost
     * nothing; each larger product is one gate, made on first use and shared by every later user — so a
     * table entry selected by the window's digit is a <em>linear</em> combination of these (see
     * {@link ScalarMultiplication}). For 3 bits: 4 gates (b₀b₁, b₀b₂, b₁b₂, b₀b₁b₂).
     */
    public Variable[] windowMonomials(ConstraintSystem cs, int window) {
        if (cs != owner) {
            throw new IllegalArgumentException("decomposition belongs to another constraint system");
        }
        if (window < 0 || window >= monomials.length) {
            throw new IllegalArgumentException("no window " + window);
        }
        if (monomials[window] == null) {
            int width = windowWidth(window);
            Variable[] m = new Variable[1 << width];
            m[0] = Variable.ONE;
            for (int mask = 1; mask < m.length; mask++) {
                int low = Integer.lowestOneBit(mask);
                int rest = mask ^ low;
                Variable bit = bits[window * WINDOW_BITS + Integer.numberOfTrailingZeros(low)];
                // Masks grow in order, so the product of the other bits already exists.
                m[mask] = rest == 0 ? bit
                        : cs.multiply(LinearCombination.of(m[rest]), LinearCombination.of(bit)).output();
            }
            monomials[window] = m;
        }
        return monomials[window].clone();
    }

    ConstraintSystem owner() {
        return owner;
    }
}
