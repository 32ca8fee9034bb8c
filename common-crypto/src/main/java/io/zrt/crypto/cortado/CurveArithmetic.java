package io.zrt.crypto.cortado;

/**
 * The group operations of Cortado, kept behind this small interface so that a faster (or constant-time)
 * implementation can replace another without touching callers (JacobianArithmetic is the default;
 * BouncyCastleArithmetic, in the test sources, is the reference it is checked against). Inputs are valid points
 * (on the curve, or infinity) and canonical scalars; implementations never see attacker bytes.
 */
interface CurveArithmetic {

    CortadoPoint add(CortadoPoint a, CortadoPoint b);

    CortadoPoint multiply(CortadoPoint point, Scalar k);

    /** k·G for the fixed generator G (implementations may use precomputed tables). */
    CortadoPoint multiplyGenerator(Scalar k);

    /** a·P + b·Q, typically faster than two separate multiplications (signature verification). */
    CortadoPoint linearCombination(Scalar a, CortadoPoint p, Scalar b, CortadoPoint q);
}
