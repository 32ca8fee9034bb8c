package io.zrt.crypto.cortado;

/**
 * A mutable Cortado point in Jacobian coordinates (X : Y : Z) ↔ (X/Z², Y/Z³), each coordinate a
 * {@link MontgomeryFp} element. Z ≡ 0 represents infinity. Only used inside one operation, never shared.
 */
final class JacobianPoint {

    final long[] x = MontgomeryFp.create();
    final long[] y = MontgomeryFp.create();
    final long[] z = MontgomeryFp.create();

    static JacobianPoint infinity() {
        JacobianPoint p = new JacobianPoint();
        p.setInfinity();
        return p;
    }

    static JacobianPoint ofAffine(long[] ax, long[] ay) {
        JacobianPoint p = new JacobianPoint();
        p.setAffine(ax, ay);
        return p;
    }

    void setInfinity() {
        MontgomeryFp.copy(x, MontgomeryFp.ONE);
        MontgomeryFp.copy(y, MontgomeryFp.ONE);
        java.util.Arrays.fill(z, 0);
    }

    void setAffine(long[] ax, long[] ay) {
        MontgomeryFp.copy(x, ax);
        MontgomeryFp.copy(y, ay);
        MontgomeryFp.copy(z, MontgomeryFp.ONE);
    }

    void set(JacobianPoint other) {
        MontgomeryFp.copy(x, other.x);
        MontgomeryFp.copy(y, other.y);
        MontgomeryFp.copy(z, other.z);
    }

    /** this = other where mask is -1; unchanged where it is 0. */
    void select(JacobianPoint other, long mask) {
        MontgomeryFp.select(x, other.x, mask);
        MontgomeryFp.select(y, other.y, mask);
        MontgomeryFp.select(z, other.z, mask);
    }

    /** -1 if this is infinity, else 0 (constant time). */
    long infinityMask() {
        return MontgomeryFp.isZeroMask(z);
    }

    boolean isInfinity() {
        return infinityMask() != 0;
    }
}
