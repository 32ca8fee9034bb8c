package io.zrt.crypto.cortado;

import java.util.Objects;

/**
 * Window tables for multiplying a public base by a scalar given in w-bit digits, with offsets taken from
 * the base itself (see {@link Cortado#offsetWindowTable}). Every entry is a known integer multiple of the
 * base, which is what lets a circuit argue about its additions with integers alone. Variable time: bases
 * and entries are public. All points are computed in Jacobian form and normalised with one inversion.
 */
final class OffsetWindows {

    private OffsetWindows() {
    }

    static CortadoPoint[][] table(CortadoPoint base, int windowBits, int windows, int offsetDigit) {
        Objects.requireNonNull(base, "base");
        if (base.isInfinity()) {
            throw new IllegalArgumentException("the base must not be the point at infinity");
        }
        if (windowBits < 1 || windowBits > 4 || windows < 2 || windows * windowBits > 256) {
            throw new IllegalArgumentException("unsupported window layout");
        }
        if (offsetDigit < 1 || offsetDigit > 16) {
            throw new IllegalArgumentException("offset digit must be in [1, 16]");
        }
        int digits = 1 << windowBits;
        PointFormulas f = new PointFormulas();
        AffineLimbs p = AffineLimbs.of(base.x(), base.y());
        JacobianPoint step = JacobianPoint.ofAffine(p.x(), p.y());    // 2^(w·k)·P
        JacobianPoint offsets = JacobianPoint.infinity();               // Σ over earlier windows of c·2^(w·k)·P
        JacobianPoint[] all = new JacobianPoint[windows * digits];
        for (int k = 0; k < windows; k++) {
            JacobianPoint start = new JacobianPoint();
            if (k < windows - 1) {
                start.set(step);
                for (int c = 1; c < offsetDigit; c++) {
                    f.addVartime(start, start, step);
                }
                f.addVartime(offsets, offsets, start);
            } else {
                start.set(offsets);
                MontgomeryFp.neg(start.y, start.y);
            }
            all[k * digits] = start;
            for (int d = 1; d < digits; d++) {
                JacobianPoint next = new JacobianPoint();
                f.addVartime(next, all[k * digits + d - 1], step);
                all[k * digits + d] = next;
            }
            for (int b = 0; b < windowBits; b++) {
                f.dbl(step, step);
            }
        }
        for (JacobianPoint point : all) {
            if (point.isInfinity()) {
                throw new IllegalArgumentException("degenerate base: a window entry is the point at infinity");
            }
        }
        AffineLimbs[] affine = AffineLimbs.batchOf(all);
        CortadoPoint[][] out = new CortadoPoint[windows][digits];
        for (int i = 0; i < all.length; i++) {
            out[i / digits][i % digits] = affine[i].toCortadoPoint();
        }
        return out;
    }
}
