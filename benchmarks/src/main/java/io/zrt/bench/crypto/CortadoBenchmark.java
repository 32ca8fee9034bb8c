package io.zrt.bench.crypto;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cortado group operations through the public API (the default limb backend), each next to the same
 * operation on BouncyCastle's generic {@code ECCurve.Fp} built from the public constants — the previous
 * backend, and the baseline for the ratios in docs/crypto.md. Every BouncyCastle figure includes the
 * normalisation to affine coordinates, as the API's results are affine points.
 *
 * <p>Variable-base and two-term benchmarks use a fresh point object per call on both sides, so neither
 * side's per-point caches (BouncyCastle stores wNAF tables on the point) flatter the figure: DH and ratchet
 * steps, Schnorr verification and the Node's ingest all multiply points just decoded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CortadoBenchmark {

    private Scalar scalar;
    private Scalar other;
    private CortadoPoint point;
    private CortadoPoint otherPoint;
    private byte[] encoded;

    private ECCurve bcCurve;
    private ECPoint bcGenerator;
    private ECPoint bcPoint;
    private ECPoint bcOtherPoint;
    private BigInteger scalarValue;
    private BigInteger otherValue;
    private final FixedPointCombMultiplier bcComb = new FixedPointCombMultiplier();

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        scalar = Scalar.randomNonZero(random);
        other = Scalar.randomNonZero(random);
        point = Cortado.multiplyGenerator(Scalar.randomNonZero(random));
        otherPoint = Cortado.multiplyGenerator(Scalar.randomNonZero(random));
        encoded = point.encode();

        bcCurve = new ECCurve.Fp(Cortado.P, Cortado.A.toBigInteger(), Cortado.B.toBigInteger(), Cortado.R,
                BigInteger.ONE);
        bcGenerator = toBc(Cortado.G);
        bcPoint = toBc(point);
        bcOtherPoint = toBc(otherPoint);
        scalarValue = scalar.toBigInteger();
        otherValue = other.toBigInteger();
        bcComb.multiply(bcGenerator, scalarValue); // builds BouncyCastle's comb table once, as ours is built once
    }

    private ECPoint toBc(CortadoPoint p) {
        return bcCurve.createPoint(p.x().toBigInteger(), p.y().toBigInteger());
    }

    private ECPoint freshBcPoint(ECPoint p) {
        return bcCurve.createPoint(p.getAffineXCoord().toBigInteger(), p.getAffineYCoord().toBigInteger());
    }

    private CortadoPoint freshPoint(CortadoPoint p) throws Exception {
        return CortadoPoint.fromAffine(p.x(), p.y());
    }

    @Benchmark
    public CortadoPoint variableBaseMultiplication() throws Exception {
        return freshPoint(point).multiply(scalar);
    }

    @Benchmark
    public ECPoint bcVariableBaseMultiplication() {
        return freshBcPoint(bcPoint).multiply(scalarValue).normalize();
    }

    @Benchmark
    public CortadoPoint fixedBaseMultiplication() {
        return Cortado.multiplyGenerator(scalar);
    }

    @Benchmark
    public ECPoint bcFixedBaseMultiplication() {
        return bcComb.multiply(bcGenerator, scalarValue).normalize();
    }

    /** s·G − c·PK as in Schnorr verification: G fixed, PK fresh. */
    @Benchmark
    public CortadoPoint linearCombination() throws Exception {
        return Cortado.linearCombination(scalar, Cortado.G, other, freshPoint(otherPoint));
    }

    @Benchmark
    public ECPoint bcLinearCombination() {
        return ECAlgorithms.sumOfTwoMultiplies(bcGenerator, scalarValue, freshBcPoint(bcOtherPoint), otherValue)
                .normalize();
    }

    @Benchmark
    public CortadoPoint pointAddition() {
        return point.add(otherPoint);
    }

    @Benchmark
    public ECPoint bcPointAddition() {
        return bcPoint.add(bcOtherPoint).normalize();
    }

    @Benchmark
    public CortadoPoint decodePoint() throws Exception {
        return CortadoPoint.decode(encoded);
    }
}
