package io.zrt.crypto.cortado;

import static io.zrt.crypto.cortado.MontgomeryFp.add;
import static io.zrt.crypto.cortado.MontgomeryFp.mul;
import static io.zrt.crypto.cortado.MontgomeryFp.sqr;
import static io.zrt.crypto.cortado.MontgomeryFp.sub;
import static io.zrt.crypto.cortado.MontgomeryFp.twice;

/**
 * Jacobian point formulas for y² = x³ + 3x + b (Bernstein–Lange explicit formulas: dbl-2007-bl with
 * a = 3, add-2007-bl, madd-2007-bl), written over {@link MontgomeryFp}. An instance holds the temporaries of
 * one operation, so a scalar multiplication allocates nothing per step; instances are not thread-safe.
 *
 * <p>{@link #dbl}, {@link #addJacobian} and {@link #addMixed} are branch-free. They are the plain incomplete
 * formulas: the caller either proves that no exceptional case (an input at infinity, P = ±Q) can arise, or
 * inspects {@link #lastSumWasDegenerate()} / uses {@link #addVartime}. When P = -Q the formulas already give
 * Z = 0 (infinity) because Z3 carries the factor H = U2 - U1.
 */
final class PointFormulas {

    private final long[] t0 = MontgomeryFp.create();
    private final long[] t1 = MontgomeryFp.create();
    private final long[] t2 = MontgomeryFp.create();
    private final long[] t3 = MontgomeryFp.create();
    private final long[] t4 = MontgomeryFp.create();
    private final long[] t5 = MontgomeryFp.create();
    private final long[] t6 = MontgomeryFp.create();
    private final long[] h = MontgomeryFp.create();
    private final long[] r = MontgomeryFp.create();

    /** out = 2p (out may be p): 1M + 8S. Doubling infinity gives infinity; Cortado has no point with y = 0. */
    void dbl(JacobianPoint out, JacobianPoint p) {
        long[] xx = t0, yy = t1, yyyy = t2, zz = t3, s = t4, m = t5, z3 = t6;
        sqr(xx, p.x);
        sqr(yy, p.y);
        sqr(yyyy, yy);
        sqr(zz, p.z);
        add(s, p.x, yy);                  // S = 2((X + YY)² - XX - YYYY)
        sqr(s, s);
        sub(s, s, xx);
        sub(s, s, yyyy);
        twice(s, s);
        sqr(m, zz);                       // M = 3·XX + a·ZZ² = 3(XX + ZZ²) for a = 3
        add(m, m, xx);
        twice(h, m);
        add(m, h, m);
        add(z3, p.y, p.z);                // Z3 = (Y + Z)² - YY - ZZ
        sqr(z3, z3);
        sub(z3, z3, yy);
        sub(z3, z3, zz);
        sqr(h, m);                        // X3 = M² - 2S
        sub(h, h, s);
        sub(out.x, h, s);
        sub(h, s, out.x);                 // Y3 = M(S - X3) - 8·YYYY
        mul(h, m, h);
        twice(yyyy, yyyy);
        twice(yyyy, yyyy);
        twice(yyyy, yyyy);
        sub(out.y, h, yyyy);
        MontgomeryFp.copy(out.z, z3);
    }

    /** out = p + q for Jacobian q (out may alias p or q): 11M + 5S, no exceptional-case handling. */
    void addJacobian(JacobianPoint out, JacobianPoint p, JacobianPoint q) {
        long[] z1z1 = t0, z2z2 = t1, u1 = t2, s1 = t3, i = t4, v = t5, z3 = t6;
        sqr(z1z1, p.z);
        sqr(z2z2, q.z);
        mul(u1, p.x, z2z2);
        mul(h, q.x, z1z1);                // H = U2 - U1
        sub(h, h, u1);
        mul(s1, p.y, q.z);
        mul(s1, s1, z2z2);
        mul(r, q.y, p.z);                 // r = 2(S2 - S1)
        mul(r, r, z1z1);
        sub(r, r, s1);
        twice(r, r);
        add(z3, p.z, q.z);                // Z3 = ((Z1 + Z2)² - Z1Z1 - Z2Z2)·H
        sqr(z3, z3);
        sub(z3, z3, z1z1);
        sub(z3, z3, z2z2);
        mul(z3, z3, h);
        finishSum(out, u1, s1, i, v, z3);
    }

    /** out = p + (qx, qy) for an affine q (out may alias p): 7M + 4S, no exceptional-case handling. */
    void addMixed(JacobianPoint out, JacobianPoint p, long[] qx, long[] qy) {
        long[] z1z1 = t0, hh = t1, u1 = t2, s1 = t3, i = t4, v = t5, z3 = t6;
        sqr(z1z1, p.z);
        mul(h, qx, z1z1);                 // H = U2 - X1
        sub(h, h, p.x);
        mul(r, qy, p.z);                  // r = 2(S2 - Y1)
        mul(r, r, z1z1);
        sub(r, r, p.y);
        twice(r, r);
        add(z3, p.z, h);                  // Z3 = (Z1 + H)² - Z1Z1 - HH
        sqr(z3, z3);
        sub(z3, z3, z1z1);
        sqr(hh, h);
        sub(z3, z3, hh);
        MontgomeryFp.copy(u1, p.x);
        MontgomeryFp.copy(s1, p.y);
        finishSum(out, u1, s1, i, v, z3);
    }

    /** The part shared by both additions, given U1, S1, H, r and Z3: X3, Y3 from I = (2H)², J = H·I, V = U1·I. */
    private void finishSum(JacobianPoint out, long[] u1, long[] s1, long[] i, long[] v, long[] z3) {
        long[] j = t0;
        twice(i, h);
        sqr(i, i);
        mul(j, h, i);
        mul(v, u1, i);
        sqr(out.x, r);                    // X3 = r² - J - 2V
        sub(out.x, out.x, j);
        sub(out.x, out.x, v);
        sub(out.x, out.x, v);
        sub(v, v, out.x);                 // Y3 = r(V - X3) - 2·S1·J
        mul(v, r, v);
        mul(s1, s1, j);
        twice(s1, s1);
        sub(out.y, v, s1);
        MontgomeryFp.copy(out.z, z3);
    }

    /**
     * -1 if the last {@link #addJacobian} / {@link #addMixed} met P = Q (H = 0 and r = 0), where the formulas give
     * a wrong (zero) result and the doubling must be used instead; else 0. Constant time.
     */
    long lastSumWasDegenerate() {
        return MontgomeryFp.isZeroMask(h) & MontgomeryFp.isZeroMask(r);
    }

    /** out = p + q for any inputs, branching on the exceptional cases (variable time: public points only). */
    void addVartime(JacobianPoint out, JacobianPoint p, JacobianPoint q) {
        if (p.isInfinity()) {
            out.set(q);
        } else if (q.isInfinity()) {
            out.set(p);
        } else {
            JacobianPoint copyOfP = new JacobianPoint();
            copyOfP.set(p);
            addJacobian(out, p, q);
            if (lastSumWasDegenerate() != 0) {
                dbl(out, copyOfP);
            }
        }
    }

    /** out = p + (qx, qy) for any Jacobian p and a finite affine q (variable time: public points only). */
    void addMixedVartime(JacobianPoint out, JacobianPoint p, long[] qx, long[] qy) {
        if (p.isInfinity()) {
            out.setAffine(qx, qy);
            return;
        }
        JacobianPoint copyOfP = new JacobianPoint();
        copyOfP.set(p);
        addMixed(out, p, qx, qy);
        if (lastSumWasDegenerate() != 0) {
            dbl(out, copyOfP);
        }
    }
}
