package io.zrt.crypto.cortado;

import java.math.BigInteger;

/**
 * The Cortado curve y² = x³ + 3x + b over F_p (p = ℓ, the Ristretto255 group order), of prime order r
 * with cofactor 1, and its two generators G and H (H has no known discrete logarithm to G).
 */
public final class Cortado {

    public static final BigInteger P = Fp.MODULUS;
    public static final BigInteger R = Scalar.ORDER;
    public static final Fp A = Fp.of(3);
    public static final Fp B = Fp.of(new BigInteger(
            "1922818355259392696732836237061565820365600586068756122728142679266880691480"));

    public static final CortadoPoint G = CortadoPoint.checkedConstant(
            "5113957452986742454094433272326380516801473643952508191581880271902332482582",
            "5171267151717298187039489040680477076031932900992525155183606237639729989348");
    public static final CortadoPoint H = CortadoPoint.checkedConstant(
            "912055912964792115236642165826072245520938252839535000701742693549589451176",
            "2885577819978800580291222739303930233079731755568722111656656924051472111782");

    /** Pure-Java limb arithmetic; BouncyCastle's generic curve serves only as the reference in tests. */
    static final CurveArithmetic ARITHMETIC = new JacobianArithmetic(G);

    private Cortado() {
    }

    /** k·G. */
    public static CortadoPoint multiplyGenerator(Scalar k) {
        return ARITHMETIC.multiplyGenerator(k);
    }

    /**
     * Window tables for a public base P and a scalar written in {@code windows} digits of {@code windowBits}
     * bits, offsets included: entry [k][d] is (d + c)·2^(w·k)·P for every window k but the last, and the last
     * window's entries are (d·2^(w·k) − c·Σ_{j&lt;k} 2^(w·j))·P, so the offsets cancel and the sum of one entry
     * per window is λ·P. Every entry is a known integer multiple of P (c = {@code offsetDigit}). Variable
     * time (public inputs only); throws {@link IllegalArgumentException} for infinity or a degenerate entry.
     */
    public static CortadoPoint[][] offsetWindowTable(CortadoPoint base, int windowBits, int windows,
            int offsetDigit) {
        return OffsetWindows.table(base, windowBits, windows, offsetDigit);
    }

    /** a·P + b·Q. */
    public static CortadoPoint linearCombination(Scalar a, CortadoPoint p, Scalar b, CortadoPoint q) {
        return ARITHMETIC.linearCombination(a, p, b, q);
    }

    /** x³ + 3x + b: the value y² must take for x to be the abscissa of a curve point. */
    public static Fp curveEquationRhs(Fp x) {
        return x.square().add(A).multiply(x).add(B);
    }
}
