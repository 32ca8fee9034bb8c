package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.PrecomputedMsm;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.Arrays;
import java.util.List;

/**
 * Adds weighted verification equations into one multi-scalar multiplication and evaluates it. The
 * generator part is laid out as B, B̃, G₀, H₀, G₁, H₁, … so that a precomputed table for the largest circuit
 * serves every smaller one (a prefix); without a table everything goes into one Pippenger multiplication.
 */
final class MultiEquation {

    private MultiEquation() {
    }

    static RistrettoPoint combine(List<VerificationEquation> equations) {
        int n = 0;
        int dynamic = 0;
        for (VerificationEquation eq : equations) {
            n = Math.max(n, eq.generators());
            dynamic += eq.points().length;
        }
        Scalar[] fixed = new Scalar[2 + 2 * n];
        Arrays.fill(fixed, Scalar.zero());
        Scalar[] dynamicScalars = new Scalar[dynamic];
        RistrettoPoint[] dynamicPoints = new RistrettoPoint[dynamic];
        int at = 0;
        for (int k = 0; k < equations.size(); k++) {
            VerificationEquation eq = equations.get(k);
            fixed[0] = fixed[0].add(eq.valueBase());
            fixed[1] = fixed[1].add(eq.blindingBase());
            for (int i = 0; i < eq.generators(); i++) {
                fixed[2 + 2 * i] = fixed[2 + 2 * i].add(eq.g()[i]);
                fixed[3 + 2 * i] = fixed[3 + 2 * i].add(eq.h()[i]);
            }
            for (int j = 0; j < eq.points().length; j++) {
                dynamicScalars[at] = eq.pointScalars()[j];
                dynamicPoints[at] = eq.points()[j];
                at++;
            }
        }
        PrecomputedMsm table = Generators.precomputedTable(n);
        if (table != null) {
            return table.vartimeMixedMultiply(fixed, dynamicScalars, dynamicPoints);
        }
        RistrettoPoint[] gens = Generators.g(n);
        RistrettoPoint[] hGens = Generators.h(n);
        Scalar[] scalars = Arrays.copyOf(fixed, fixed.length + dynamic);
        RistrettoPoint[] points = new RistrettoPoint[scalars.length];
        points[0] = Generators.valueBase();
        points[1] = Generators.blindingBase();
        for (int i = 0; i < n; i++) {
            points[2 + 2 * i] = gens[i];
            points[3 + 2 * i] = hGens[i];
        }
        System.arraycopy(dynamicScalars, 0, scalars, fixed.length, dynamic);
        System.arraycopy(dynamicPoints, 0, points, fixed.length, dynamic);
        return Msm.vartime(scalars, points, scalars.length);
    }
}
