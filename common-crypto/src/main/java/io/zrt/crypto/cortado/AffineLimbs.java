package io.zrt.crypto.cortado;

/**
 * A finite point in affine coordinates as {@link MontgomeryFp} elements. The arrays are never modified after
 * construction, which is what makes sharing them (in tables and in {@link CortadoPoint}'s backend cache) safe.
 */
record AffineLimbs(long[] x, long[] y) {

    static AffineLimbs of(Fp x, Fp y) {
        return new AffineLimbs(MontgomeryFp.fromBigInteger(x.toBigInteger()),
                MontgomeryFp.fromBigInteger(y.toBigInteger()));
    }

    /** The affine form of a finite Jacobian point: one (constant-time) inversion. */
    static AffineLimbs of(JacobianPoint p) {
        long[] zInverse = MontgomeryFp.create();
        MontgomeryFp.invert(zInverse, p.z);
        return scaled(p, zInverse);
    }

    /**
     * The affine form of a finite Jacobian point whose coordinates are public: BigInteger's binary inversion
     * (variable time, about twice as fast here as the Fermat chain).
     */
    static AffineLimbs ofPublic(JacobianPoint p) {
        long[] zInverse = MontgomeryFp.fromBigInteger(MontgomeryFp.toBigInteger(p.z).modInverse(Fp.MODULUS));
        return scaled(p, zInverse);
    }

    /** Affine forms of finite Jacobian points with a single inversion (Montgomery's simultaneous inversion). */
    static AffineLimbs[] batchOf(JacobianPoint[] points) {
        int n = points.length;
        long[][] prefix = new long[n][];
        long[] acc = MontgomeryFp.ONE.clone();
        for (int i = 0; i < n; i++) {
            prefix[i] = acc.clone();             // product of the Z's before i
            MontgomeryFp.mul(acc, acc, points[i].z);
        }
        long[] inverse = MontgomeryFp.create();
        MontgomeryFp.invert(inverse, acc);       // 1 / (Z_0 ... Z_{n-1})
        AffineLimbs[] out = new AffineLimbs[n];
        long[] zInverse = MontgomeryFp.create();
        for (int i = n - 1; i >= 0; i--) {
            MontgomeryFp.mul(zInverse, inverse, prefix[i]);
            MontgomeryFp.mul(inverse, inverse, points[i].z);
            out[i] = scaled(points[i], zInverse);
        }
        return out;
    }

    private static AffineLimbs scaled(JacobianPoint p, long[] zInverse) {
        long[] zz = MontgomeryFp.create();
        MontgomeryFp.sqr(zz, zInverse);
        long[] x = MontgomeryFp.create();
        MontgomeryFp.mul(x, p.x, zz);
        MontgomeryFp.mul(zz, zz, zInverse);
        long[] y = MontgomeryFp.create();
        MontgomeryFp.mul(y, p.y, zz);
        return new AffineLimbs(x, y);
    }

    /** The public point (coordinates converted to their canonical integers). */
    CortadoPoint toCortadoPoint() {
        CortadoPoint point = CortadoPoint.trustedAffine(Fp.of(MontgomeryFp.toBigInteger(x)),
                Fp.of(MontgomeryFp.toBigInteger(y)));
        point.backendForm = this;
        return point;
    }
}
