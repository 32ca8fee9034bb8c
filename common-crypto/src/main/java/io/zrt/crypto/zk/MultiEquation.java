package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.Arrays;
import java.util.List;

/** Adds weighted verification equations into one multi-scalar multiplication and evaluates it. */
final class MultiEquation {

    private MultiEquation() {
    }

    static RistrettoPoint combine(List<VerificationEquation> equations, Scalar[] weights) {
        int n = 0;
        int dynamic = 0;
        for (VerificationEquation eq : equations) {
            n = Math.max(n, eq.generators());
            dynamic += eq.points().length;
        }
        Scalar[] g = new Scalar[n];
        Scalar[] h = new Scalar[n];
        Arrays.fill(g, Scalar.zero());
        Arrays.fill(h, Scalar.zero());
        Scalar valueBase = Scalar.zero();
        Scalar blindingBase = Scalar.zero();
        Scalar[] scalars = new Scalar[2 * n + 2 + dynamic];
        RistrettoPoint[] points = new RistrettoPoint[scalars.length];
        int at = 2 * n + 2;
        for (int k = 0; k < equations.size(); k++) {
            VerificationEquation eq = equations.get(k);
            Scalar c = weights[k];
            boolean unit = c.equals(Scalar.one());
            for (int i = 0; i < eq.generators(); i++) {
                g[i] = g[i].add(unit ? eq.g()[i] : eq.g()[i].multiply(c));
                h[i] = h[i].add(unit ? eq.h()[i] : eq.h()[i].multiply(c));
            }
            valueBase = valueBase.add(eq.valueBase().multiply(c));
            blindingBase = blindingBase.add(eq.blindingBase().multiply(c));
            for (int j = 0; j < eq.points().length; j++) {
                scalars[at] = unit ? eq.pointScalars()[j] : eq.pointScalars()[j].multiply(c);
                points[at] = eq.points()[j];
                at++;
            }
        }
        RistrettoPoint[] gens = Generators.g(n);
        RistrettoPoint[] hGens = Generators.h(n);
        System.arraycopy(g, 0, scalars, 0, n);
        System.arraycopy(gens, 0, points, 0, n);
        System.arraycopy(h, 0, scalars, n, n);
        System.arraycopy(hGens, 0, points, n, n);
        scalars[2 * n] = valueBase;
        points[2 * n] = Generators.valueBase();
        scalars[2 * n + 1] = blindingBase;
        points[2 * n + 1] = Generators.blindingBase();
        return Msm.compute(scalars, points, scalars.length);
    }
}
