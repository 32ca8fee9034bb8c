package io.zrt.crypto.cortado;

/**
 * The default Cortado backend: {@link MontgomeryFp} limbs, Jacobian coordinates, and three multiplication
 * strategies (see docs/crypto.md for costs and the constant-time notes).
 *
 * <ul>
 *   <li>{@link #multiply}: regular signed radix-32 recoding of an odd scalar (every digit odd and nonzero),
 *       16 odd multiples of P in Jacobian form, table entries read by a full masked scan; 250 doublings and
 *       50 additions whatever the scalar. Intended for secret scalars.</li>
 *   <li>{@link #multiplyGenerator}: 64 mixed additions from {@link GeneratorTable}, masked look-ups.</li>
 *   <li>{@link #linearCombination}: Straus interleaving of two width-5 NAFs (width 7 with a fixed affine
 *       table when P is G); variable time, meant for public scalars (signature verification).</li>
 * </ul>
 * Results are normalised to affine with one Fermat inversion and carry their limbs as the point's backend
 * cache, so chained operations skip the conversion from {@link Fp}.
 */
final class JacobianArithmetic implements CurveArithmetic {

    private static final int VARIABLE_TABLE = 1 << (ScalarRecoding.REGULAR_WIDTH - 1);

    static {
        // The last addition of multiply() would be a doubling (acc = +entry) for k' = r + 2·d_0 whose own
        // lowest digit is d_0, i.e. (r + 2d) mod 64 = d + 32 for an odd d in [-31, -1]. Cortado's r has no such
        // d, which is why multiply() needs no doubling fallback; this guards that argument.
        int rMod64 = Scalar.ORDER.intValue() & 63;
        for (int d = -31; d < 0; d += 2) {
            if (Math.floorMod(rMod64 + 2 * d, 64) == d + 32) {
                throw new ExceptionInInitializerError("regular recoding needs a doubling fallback for this r");
            }
        }
    }
    private static final int NAF_WIDTH = 5;
    private static final int GENERATOR_NAF_WIDTH = 7;

    private final CortadoPoint generator;
    private final GeneratorTable generatorTable;
    /** (2i + 1)·G, i < 32, affine, for the width-7 NAF of linear combinations. */
    private final AffineLimbs[] generatorOddMultiples;

    JacobianArithmetic(CortadoPoint generator) {
        this.generator = generator;
        AffineLimbs g = limbsOf(generator);
        this.generatorTable = new GeneratorTable(g);
        this.generatorOddMultiples = AffineLimbs.batchOf(
                oddMultiples(g, 1 << (GENERATOR_NAF_WIDTH - 2), new PointFormulas()));
    }

    @Override
    public CortadoPoint add(CortadoPoint a, CortadoPoint b) {
        if (a.isInfinity()) {
            return b;
        }
        if (b.isInfinity()) {
            return a;
        }
        AffineLimbs p = limbsOf(a);
        AffineLimbs q = limbsOf(b);
        JacobianPoint sum = JacobianPoint.ofAffine(p.x(), p.y());
        new PointFormulas().addMixedVartime(sum, sum, q.x(), q.y());
        return toPublicVartime(sum);
    }

    @Override
    public CortadoPoint multiply(CortadoPoint point, Scalar k) {
        if (point.isInfinity()) {
            return point;
        }
        AffineLimbs p = limbsOf(point);
        PointFormulas f = new PointFormulas();
        JacobianPoint[] table = oddMultiples(p, VARIABLE_TABLE, f);
        long[] negate = new long[1];
        long[] oddK = ScalarRecoding.makeOdd(ScalarRecoding.limbs(k.toBigInteger()), negate);
        int[] digits = ScalarRecoding.regularDigits(oddK);

        JacobianPoint acc = new JacobianPoint();
        JacobianPoint entry = new JacobianPoint();
        long[] scratch = MontgomeryFp.create();
        lookup(acc, table, digits[digits.length - 1], scratch);
        for (int i = digits.length - 2; i >= 0; i--) {
            for (int s = 0; s < ScalarRecoding.REGULAR_WIDTH; s++) {
                f.dbl(acc, acc);
            }
            lookup(entry, table, digits[i], scratch);
            // Never exceptional (docs/crypto.md), except acc = -entry at the end for k = 0, where Z3 = 0 is right.
            f.addJacobian(acc, acc, entry);
        }
        MontgomeryFp.neg(scratch, acc.y);
        MontgomeryFp.select(acc.y, scratch, negate[0]);
        return toPublic(acc);
    }

    @Override
    public CortadoPoint multiplyGenerator(Scalar k) {
        int[] digits = ScalarRecoding.signedRadix16(ScalarRecoding.limbs(k.toBigInteger()));
        PointFormulas f = new PointFormulas();
        JacobianPoint acc = JacobianPoint.infinity();
        JacobianPoint sum = new JacobianPoint();
        JacobianPoint fresh = new JacobianPoint();
        JacobianPoint doubled = new JacobianPoint();
        long[] x = MontgomeryFp.create();
        long[] y = MontgomeryFp.create();
        long[] scratch = MontgomeryFp.create();
        long accIsInfinity = -1;
        for (int i = 0; i < digits.length; i++) {
            long digitIsZero = (long) ((digits[i] | -digits[i]) >> 31) ^ -1L;
            generatorTable.lookup(i, digits[i], x, y, scratch);
            f.addMixed(sum, acc, x, y);
            if (i == digits.length - 1) {
                // Only the last position can meet acc = entry (k = 2^253 - r); use the doubling then.
                long degenerate = f.lastSumWasDegenerate() & ~accIsInfinity & ~digitIsZero;
                f.dbl(doubled, acc);
                sum.select(doubled, degenerate);
            }
            fresh.setAffine(x, y);
            sum.select(fresh, accIsInfinity);
            acc.select(sum, ~digitIsZero);
            accIsInfinity &= digitIsZero;
        }
        return toPublic(acc);
    }

    @Override
    public CortadoPoint linearCombination(Scalar a, CortadoPoint p, Scalar b, CortadoPoint q) {
        PointFormulas f = new PointFormulas();
        int[] nafA = ScalarRecoding.wnaf(ScalarRecoding.limbs(a.toBigInteger()),
                p.equals(generator) ? GENERATOR_NAF_WIDTH : NAF_WIDTH);
        int[] nafB = ScalarRecoding.wnaf(ScalarRecoding.limbs(b.toBigInteger()), NAF_WIDTH);
        JacobianPoint[] tableA = p.isInfinity() || p.equals(generator) ? null
                : oddMultiples(limbsOf(p), 1 << (NAF_WIDTH - 2), f);
        JacobianPoint[] tableB = q.isInfinity() ? null : oddMultiples(limbsOf(q), 1 << (NAF_WIDTH - 2), f);
        boolean useGeneratorTable = !p.isInfinity() && tableA == null;

        JacobianPoint acc = JacobianPoint.infinity();
        JacobianPoint negated = new JacobianPoint();
        long[] negY = MontgomeryFp.create();
        boolean started = false;
        for (int bit = nafA.length - 1; bit >= 0; bit--) {
            if (started) {
                f.dbl(acc, acc);
            }
            int da = p.isInfinity() ? 0 : nafA[bit];
            if (da != 0) {
                if (useGeneratorTable) {
                    AffineLimbs e = generatorOddMultiples[Math.abs(da) >> 1];
                    if (da > 0) {
                        f.addMixedVartime(acc, acc, e.x(), e.y());
                    } else {
                        MontgomeryFp.neg(negY, e.y());
                        f.addMixedVartime(acc, acc, e.x(), negY);
                    }
                } else {
                    addSigned(f, acc, tableA, da, negated);
                }
                started = true;
            }
            int db = tableB == null ? 0 : nafB[bit];
            if (db != 0) {
                addSigned(f, acc, tableB, db, negated);
                started = true;
            }
        }
        return toPublicVartime(acc);
    }

    private static void addSigned(PointFormulas f, JacobianPoint acc, JacobianPoint[] table, int digit,
                                  JacobianPoint negated) {
        JacobianPoint e = table[Math.abs(digit) >> 1];
        if (digit < 0) {
            negated.set(e);
            MontgomeryFp.neg(negated.y, e.y);
            e = negated;
        }
        f.addVartime(acc, acc, e);
    }

    /** (2i + 1)·P for i < count, Jacobian. No exceptional case: P has prime order r, far above 2·count. */
    private static JacobianPoint[] oddMultiples(AffineLimbs p, int count, PointFormulas f) {
        JacobianPoint[] table = new JacobianPoint[count];
        table[0] = JacobianPoint.ofAffine(p.x(), p.y());
        JacobianPoint twice = new JacobianPoint();
        f.dbl(twice, table[0]);
        for (int i = 1; i < count; i++) {
            table[i] = new JacobianPoint();
            f.addJacobian(table[i], table[i - 1], twice);
        }
        return table;
    }

    /** out = digit·P for an odd digit with |digit| < 2·table.length: full masked scan, masked negation. */
    private static void lookup(JacobianPoint out, JacobianPoint[] table, int digit, long[] scratch) {
        int sign = digit >> 31;
        int index = (((digit ^ sign) - sign) - 1) >> 1;
        out.set(table[0]);
        for (int j = 1; j < table.length; j++) {
            out.select(table[j], ((index ^ j) - 1) >> 31);
        }
        MontgomeryFp.neg(scratch, out.y);
        MontgomeryFp.select(out.y, scratch, sign);
    }

    private static AffineLimbs limbsOf(CortadoPoint point) {
        if (point.backendForm instanceof AffineLimbs cached) {
            return cached;
        }
        AffineLimbs converted = AffineLimbs.of(point.x(), point.y());
        point.backendForm = converted;
        return converted;
    }

    /** Normalisation for results computed from public values only (add, linear combinations). */
    private static CortadoPoint toPublicVartime(JacobianPoint p) {
        if (p.isInfinity()) {
            return CortadoPoint.infinity();
        }
        return AffineLimbs.ofPublic(p).toCortadoPoint();
    }

    /** Normalisation with the constant-time inversion, for results that depend on secret scalars. */
    private static CortadoPoint toPublic(JacobianPoint p) {
        if (p.isInfinity()) {
            return CortadoPoint.infinity();
        }
        return AffineLimbs.of(p).toCortadoPoint();
    }
}
